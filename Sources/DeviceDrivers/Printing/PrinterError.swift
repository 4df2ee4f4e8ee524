/// Why a printer could not do what was asked. `message` names the printer, the cause and the
/// fix, in English, for the technician's log and kioskctl.
public struct PrinterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable, Codable {
        /// Nothing answers at the configured place (no device node, connection refused, no queue).
        case notConnected = "not_connected"
        /// Someone else holds the device (another kioskd, a CUPS queue on the same USB printer).
        case busy
        /// The printer stopped taking bytes or answering within the time allowed (jammed, asleep).
        case timedOut = "timed_out"
        /// The printer reports a state in which it cannot print (paper out, cover open, …).
        case notReady = "not_ready"
        /// The job was taken but the printer or CUPS reported it failed, or aborted it.
        case jobFailed = "job_failed"
        /// The printer or server sent something that is not a valid answer.
        case protocolViolation = "protocol_violation"
        /// The configuration names something this kioskd cannot use.
        case badConfiguration = "bad_configuration"
    }

    public var code: Code
    public var message: String
    /// The printer's status when the failure was noticed, if it was read.
    public var status: PrinterStatus?

    public init(code: Code, message: String, status: PrinterStatus? = nil) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
