public enum CardPurpose: Sendable, Equatable {
    case ticket(serviceName: String)
}
