/// How an ID card reader is reached: one command frame out, one response frame back.
///
/// One caller at a time: the reader service (or `kioskctl card read`) owns the transport and
/// awaits each exchange before the next.
public protocol IDCardReaderTransport: Sendable {
    /// For messages: "/dev/ttyUSB0", "USB 0400:c35a on bus 1 address 4".
    var name: String { get }
    /// Sends `command` and returns the reader's response, within `command.timeout`.
    /// - Throws: `DeviceError`: `.notConnected` when the device went away, `.timedOut`,
    ///   `.protocolViolation` for a garbled answer.
    func exchange(_ command: ReaderCommand) async throws(DeviceError) -> ReaderResponse
    /// Releases the device. Safe to call twice.
    func close() async
}
