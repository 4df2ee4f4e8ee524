import DeviceDrivers

/// One `[devices.printers.NAME]` section: where the printer is and what it can do.
public struct PrinterConfiguration: Sendable, Equatable {
    /// The section's name, e.g. "receipt" or "ticket"; names the printer in logs and kioskctl.
    public var name: String
    public var uri: PrinterURI
    public var profile: PrinterProfile

    public init(name: String, uri: PrinterURI, profile: PrinterProfile) {
        self.name = name
        self.uri = uri
        self.profile = profile
    }
}
