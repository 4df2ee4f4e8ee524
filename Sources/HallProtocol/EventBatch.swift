/// `POST /v1/kiosks/{kioskID}/events`: journal events in sequence order, consecutive, no gaps
/// inside the batch. The hall stores them idempotently by (kiosk, sequence): sending a batch
/// again is harmless. Answered with a `BatchAcknowledgement`.
public struct EventBatch: Codable, Sendable, Equatable {
    public var protocolVersion: Int
    /// Must equal the kiosk id in the client certificate and in the path.
    public var kioskID: String
    public var events: [WireEvent]

    public init(protocolVersion: Int = HallProtocol.version, kioskID: String, events: [WireEvent]) {
        self.protocolVersion = protocolVersion
        self.kioskID = kioskID
        self.events = events
    }
}

/// One journal event on the wire.
public struct WireEvent: Codable, Sendable, Equatable {
    /// Per kiosk, from 1, with no gaps.
    public var sequence: Int64
    /// The event's UUID (upper-case text); the same sequence sent again must carry the same id.
    public var id: String
    /// Dotted lowercase name, e.g. "ticket.issued" (see `EventKinds`).
    public var kind: String
    /// Milliseconds since 1970-01-01 UTC, from the kiosk's clock.
    public var occurredAtMs: Int64
    /// A JSON object, as text. Never holds a full ID number, name or address.
    public var payload: String

    public init(sequence: Int64, id: String, kind: String, occurredAtMs: Int64, payload: String) {
        self.sequence = sequence
        self.id = id
        self.kind = kind
        self.occurredAtMs = occurredAtMs
        self.payload = payload
    }
}

/// The hall's answer to a batch, and to `GET /v1/kiosks/{kioskID}/sync-state`.
public struct BatchAcknowledgement: Codable, Sendable, Equatable {
    public var kioskID: String
    /// The highest sequence such that the hall holds every event from 1 up to it. The kiosk
    /// marks its events up to this one as synced, and never before.
    public var highestContiguousSequence: Int64
    /// Events of this request that the hall stored for the first time (0 for a replay).
    public var stored: Int

    public init(kioskID: String, highestContiguousSequence: Int64, stored: Int) {
        self.kioskID = kioskID
        self.highestContiguousSequence = highestContiguousSequence
        self.stored = stored
    }
}
