/// A device failed. `code` says what kind of failure it is, for the services' decisions;
/// `message` says what failed, on what, and what to do, for the technician.
public struct DeviceError: Error, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable, Codable {
        /// Nothing there, or it went away (unplugged, pty closed).
        case notConnected = "not_connected"
        /// Another process holds it.
        case busy
        /// It did not answer in time.
        case timedOut = "timed_out"
        /// It answered with bytes that break its protocol.
        case protocolViolation = "protocol_violation"
        /// It answered properly that it cannot work (a failed self-test, no authorisation).
        case deviceFault = "device_fault"
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
