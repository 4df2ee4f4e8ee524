/// A counter in the hall, for the guide's "where to go".
public struct ServiceWindow: Codable, Sendable, Equatable {
    /// e.g. "12".
    public var number: String
    /// e.g. "2F, zone B".
    public var place: String
    /// Queue category prefixes this window calls.
    public var categories: [String]

    public init(number: String, place: String, categories: [String]) {
        self.number = number
        self.place = place
        self.categories = categories
    }
}
