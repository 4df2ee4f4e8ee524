/// One journal event as the Flow asks for it: a kind the morning report knows (see README, "Event
/// kinds") and a payload with no personal data (masked phone numbers only).
public struct JournalRecord: Sendable, Equatable {
    public var kind: String
    public var payload: [String: JournalValue]

    public init(_ kind: String, _ payload: [String: JournalValue] = [:]) {
        self.kind = kind
        self.payload = payload
    }

    /// The payload as a JSON object with sorted keys, as the journal stores it.
    public var payloadJSON: String {
        "{" + payload.keys.sorted().map { "\(JournalValue.string($0).json):\(payload[$0]!.json)" }.joined(separator: ",") + "}"
    }
}
