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
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
