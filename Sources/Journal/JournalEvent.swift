import Foundation

/// One thing that happened at the kiosk, as kept in the journal and later synced to the hall.
public struct JournalEvent: Sendable, Equatable, Codable {
    /// Per-kiosk, starting at 1, with no gaps: the hall uses it to know it has everything.
    public var sequence: Int64
    /// Unique across all kiosks; lets the hall recognise a replayed event.
    public var id: UUID
    public var kind: JournalEventKind
    public var occurredAt: Date
    /// A JSON object. Never holds personal data in the clear (see `PersonalData`).
    public var payload: String
    /// When the hall acknowledged the event; nil while it waits to be synced.
    public var syncedAt: Date?

    public init(sequence: Int64, id: UUID, kind: JournalEventKind, occurredAt: Date, payload: String, syncedAt: Date?) {
        self.sequence = sequence
        self.id = id
        self.kind = kind
        self.occurredAt = occurredAt
        self.payload = payload
        self.syncedAt = syncedAt
    }
}

/// What an event records, e.g. "kiosk.started". Dotted lowercase names; the hall's morning report
/// groups events by kind.
public struct JournalEventKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// kioskd started; payload: version, pid.
    public static let kioskStarted = JournalEventKind(rawValue: "kiosk.started")
    /// kioskd stopped gracefully; payload: reason. A start with no stop before it means a crash or power cut.
    public static let kioskStopped = JournalEventKind(rawValue: "kiosk.stopped")
    /// A device became unusable; payload: device, path, code, message.
    public static let deviceFault = JournalEventKind(rawValue: "device.fault")
    /// A faulted device works again; payload: device, path.
    public static let deviceRecovered = JournalEventKind(rawValue: "device.recovered")
}

/// The journal's size and backlog, for `kioskctl status` and systemd's STATUS= line.
public struct JournalCounts: Sendable, Equatable, Codable {
    public var total: Int
    public var unsynced: Int
    /// When the oldest event still waiting for the hall happened.
    public var oldestUnsyncedAt: Date?
    public var lastSequence: Int64

    public init(total: Int, unsynced: Int, oldestUnsyncedAt: Date?, lastSequence: Int64) {
        self.total = total
        self.unsynced = unsynced
        self.oldestUnsyncedAt = oldestUnsyncedAt
        self.lastSequence = lastSequence
    }
}
