/// The ID card reader's state as the reader service reports it.
public enum CardReaderState: String, Sendable, Equatable, Codable {
    case ready
    case faulted
    case unknown

    public var canRead: Bool { self != .faulted }
}
