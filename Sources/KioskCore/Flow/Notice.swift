public struct Notice: Sendable, Equatable {
    public var title: Message
    public var nextStep: Message

    public init(_ title: Message, _ nextStep: Message) {
        self.title = title
        self.nextStep = nextStep
    }
}
