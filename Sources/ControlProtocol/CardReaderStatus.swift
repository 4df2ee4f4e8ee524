import Foundation

/// What `kioskctl card status` shows about the ID card reader.
public struct CardReaderStatus: Codable, Sendable, Equatable {
    /// The device as configured or found: a tty path or "USB 0400:c35a on bus 1 address 4".
    public var device: String
    /// "connecting", "ready", "card_present" or "faulted".
    public var state: String
    /// "fast", "slow" or "off".
    public var polling: String
    public var samID: String?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var lastCardAt: Date?
    public var cardsRead: Int
    public var readFailures: Int
    public var faults: Int

    public init(device: String, state: String, polling: String, samID: String?, lastError: String?, lastErrorAt: Date?, lastCardAt: Date?, cardsRead: Int, readFailures: Int, faults: Int) {
        self.device = device
        self.state = state
        self.polling = polling
        self.samID = samID
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastCardAt = lastCardAt
        self.cardsRead = cardsRead
        self.readFailures = readFailures
        self.faults = faults
    }
}
