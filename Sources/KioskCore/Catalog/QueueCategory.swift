/// A queue-ticket category: numbers are the prefix and three digits (A005), restarting every day.
/// Same fields as HallProtocol's `TicketCategory`.
public struct QueueCategory: Codable, Sendable, Equatable {
    public var prefix: String
    public var name: String

    public init(prefix: String, name: String) {
        self.prefix = prefix
        self.name = name
    }
}
