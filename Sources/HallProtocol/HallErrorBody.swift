/// The body of every 4xx/5xx answer from the hall: a stable code for programs and a message for
/// the technician reading the kiosk's log.
public struct HallErrorBody: Codable, Sendable, Equatable {
    public var error: Code
    public var message: String

    public init(error: Code, message: String) {
        self.error = error
        self.message = message
    }

    public enum Code: String, Codable, Sendable {
        /// No client certificate, or one the hall did not issue.
        case unauthenticated
        /// The certificate's kiosk id differs from the path's or the batch's.
        case wrongKiosk = "wrong_kiosk"
        /// The body is not the JSON this route expects, or breaks a rule (gaps, bad payload).
        case malformed
        /// The same sequence was sent before with different content.
        case conflict
        case tooLarge = "too_large"
        case unsupportedVersion = "unsupported_version"
        case notFound = "not_found"
        /// The request's body did not arrive in time; the hall closed the connection.
        case timeout
        case internalError = "internal_error"
    }
}
