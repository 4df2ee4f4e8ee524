/// A byte pipe to an ESC/POS printer: TCP, usblp, libusb or a file. Calls may block on the
/// device, so every implementation runs them on NIO's blocking pool with its own timeout.
/// One owner (the printer's driver) awaits one call at a time.
public protocol PrinterByteStream: Sendable {
    /// Whether the printer can answer (status replies). A file cannot.
    var canRead: Bool { get }
    /// Writes all of `bytes` within `timeout`, or throws `.timedOut` (a jammed printer stops reading).
    func write(_ bytes: [UInt8], timeout: Duration) async throws(PrinterError)
    /// Returns what arrives within `timeout`, at most `maximum` bytes; empty if nothing came.
    func read(maximum: Int, timeout: Duration) async throws(PrinterError) -> [UInt8]
    func close() async
}
