import Foundation

/// What the reader service tells the daemon.
public enum IDCardReaderEvent: Sendable {
    /// The reader is open and its SAM answered (after start-up, or after a fault: recovered).
    case ready(samID: SAMIdentifier, device: String)
    /// A placed card was read, once.
    case cardRead(IDCard, duration: Duration)
    /// The card that was read has been lifted.
    case cardRemoved
    /// A placed card could not be read; the citizen should place it again.
    case readFailed(ReaderStatusError)
    /// The reader is unusable; the service keeps trying to reopen it.
    case fault(DeviceError)
}

/// How often to look for a card.
public enum ReaderPolling: String, Sendable, Codable {
    /// A screen waits for a card: every 300 ms, the fastest the vendors allow.
    case fast
    /// Nobody waits, but a technician may look: every 2 s.
    case slow
    /// Do not poll at all.
    case off

    public var interval: Duration? {
        switch self {
        case .fast: .milliseconds(300)
        case .slow: .seconds(2)
        case .off: nil
        }
    }
}

/// The reader's state for `kioskctl card status` and `kioskctl status`.
public struct IDCardReaderSnapshot: Sendable, Equatable, Codable {
    public enum Phase: String, Sendable, Codable {
        case connecting, ready, cardPresent = "card_present", faulted
    }

    public var device: String
    public var phase: Phase
    public var polling: ReaderPolling
    public var samID: String?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var lastCardAt: Date?
    public var cardsRead = 0
    public var readFailures = 0
    public var faults = 0

    public init(device: String, phase: Phase, polling: ReaderPolling) {
        self.device = device
        self.phase = phase
        self.polling = polling
    }
}
