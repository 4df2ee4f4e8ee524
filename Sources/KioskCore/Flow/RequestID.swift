/// The Flow's own number for one request to the hall or one print job, counting up from 1.
/// kioskd maps each to a UUID for the hall (and re-sends with the same UUID on retry); answers
/// carry it back, and an answer with an id the Flow is not waiting for is ignored.
public struct RequestID: Sendable, Hashable, CustomStringConvertible {
    public var value: Int
    public init(_ value: Int) { self.value = value }
    public var description: String { "#\(value)" }
}
