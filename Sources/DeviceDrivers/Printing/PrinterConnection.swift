/// One printer, whatever carries its bytes: reads its status and prints whole jobs. Chosen by
/// the configured URI through `PrinterConnector.open(_:profile:)`.
public protocol PrinterConnection: Sendable {
    var uri: PrinterURI { get }
    /// The printer's status now. Throws only when the printer cannot be reached at all.
    func status() async throws(PrinterError) -> PrinterStatus
    /// Prints one ESC/POS job and returns only when the printer says it was printed.
    /// Throws `.notReady` before sending when the printer cannot print, and `.jobFailed` when it
    /// reported a problem during the job (then nothing may be counted as printed).
    func print(_ job: [UInt8]) async throws(PrinterError) -> PrintReceipt
    func close() async
}

/// What a finished job left behind, for the log.
public struct PrintReceipt: Sendable, Equatable {
    public var bytes: Int
    /// The printer's status after the job.
    public var status: PrinterStatus
    /// The CUPS job id, for jobs sent through CUPS.
    public var jobID: Int?

    public init(bytes: Int, status: PrinterStatus, jobID: Int? = nil) {
        self.bytes = bytes
        self.status = status
        self.jobID = jobID
    }
}

public enum PrinterConnector {
    /// Opens the printer at `uri`. Connects now, so a wrong address fails here with a clear error.
    public static func open(_ uri: PrinterURI, profile: PrinterProfile) async throws(PrinterError) -> any PrinterConnection {
        switch uri {
        case .file(let path):
            return ESCPOSStreamPrinter(uri: uri, stream: try await DescriptorPrinterStream.openFile(path: path), profile: profile)
        case let .tcp(host, port):
            return ESCPOSStreamPrinter(uri: uri, stream: try await DescriptorPrinterStream.connect(host: host, port: port), profile: profile)
        case .usblp(let path):
            return ESCPOSStreamPrinter(uri: uri, stream: try await DescriptorPrinterStream.openUSBLP(path: path), profile: profile)
        case let .usb(vendor, product):
            return ESCPOSStreamPrinter(uri: uri, stream: try await USBPrinterStream.open(vendorID: vendor, productID: product), profile: profile)
        case .cups, .ipp:
            return CUPSPrinter(uri: uri)
        }
    }
}
