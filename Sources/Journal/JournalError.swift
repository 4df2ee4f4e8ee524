/// Why the journal refused or failed. Messages are for technicians: what, where, what to do.
public struct JournalError: Error, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The file cannot be opened or is not a kioskd journal.
        case cannotOpen
        /// The file belongs to another kiosk id.
        case wrongKiosk
        /// SQLite did not keep synchronous=FULL: commits would not be durable.
        case notDurable
        /// The payload holds a full ID number (or is not a JSON object): nothing was written.
        case refusedPayload
        /// A write or read failed (disk full, I/O error).
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
