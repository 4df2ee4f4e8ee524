public struct MaintenanceScreen: Sendable, Equatable {
    public var printer: PrinterState
    public var cardReader: CardReaderState
    public var isOutOfService: Bool
    public var catalogVersion: Int

    public init(printer: PrinterState, cardReader: CardReaderState, isOutOfService: Bool, catalogVersion: Int) {
        self.printer = printer
        self.cardReader = cardReader
        self.isOutOfService = isOutOfService
        self.catalogVersion = catalogVersion
    }
}
