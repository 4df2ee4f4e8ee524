/// Why the hall's store refused or failed; the routes turn these into 4xx/5xx answers.
public struct HallStoreError: Error, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case cannotOpen
        case notDurable
        /// The kiosk was never enrolled (or was removed).
        case notEnrolled
        /// A sequence already stored with another event id.
        case conflict
        case storage
        /// The database belongs to another application, or to a newer kiosk-hall (exit 78).
        case incompatible
        /// The database's address or credentials are wrong: a malformed URL, an unknown user,
        /// a wrong password, a missing database (exit 78).
        case misconfigured
        /// The database server cannot be reached (exit 69).
        case unavailable
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
