public struct ComplaintScreen: Sendable, Equatable {
    public var topic: ComplaintTopic?
    /// The digits typed so far (the citizen's own number, shown only to them, never journaled).
    public var phoneDigits: String
    /// Shown after a submit that cannot be accepted yet.
    public var problem: Message?

    public init(topic: ComplaintTopic?, phoneDigits: String, problem: Message?) {
        self.topic = topic
        self.phoneDigits = phoneDigits
        self.problem = problem
    }
}
