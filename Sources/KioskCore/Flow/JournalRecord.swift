/// One journal event as the Flow asks for it: a kind the morning report knows (see docs/hall-protocol.md,
/// the event kinds) and a payload with no personal data (masked phone numbers only).
public struct JournalRecord: Sendable, Equatable {
    public var kind: String
    public var payload: [String: JournalValue]

    public init(_ kind: String, _ payload: [String: JournalValue] = [:]) {
        self.kind = kind
        self.payload = payload
    }

    /// The record with each `.sealedForHall` value sealed by `seal` (nil: left out).
    public func sealing(_ seal: (String) -> String?) -> JournalRecord {
        var sealed = self
        for (key, value) in payload {
            guard case .sealedForHall(let clear) = value else { continue }
            sealed.payload[key] = seal(clear).map(JournalValue.string)
        }
        return sealed
    }

    /// The payload as a JSON object with sorted keys, as the journal stores it.
    public var payloadJSON: String {
        "{" + payload.keys.sorted().map { "\(JournalValue.string($0).json):\(payload[$0]!.json)" }.joined(separator: ",") + "}"
    }
}
