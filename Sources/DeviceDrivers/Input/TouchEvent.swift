/// One change of one contact, in the order the device reported them. A press and its release
/// are two events even when both arrived between two reads.
public struct TouchEvent: Sendable, Equatable, CustomStringConvertible {
    public enum Phase: String, Sendable, Equatable {
        case down, move, up
    }

    public var phase: Phase
    /// The contact: the MT tracking id, or 0 for a single-touch device. Unique while it is down.
    public var contact: Int
    /// Position in pixels: raw device units out of `TouchTracker`, UI pixels out of `TouchMapping`.
    public var x: Double
    public var y: Double

    public init(_ phase: Phase, contact: Int, x: Double, y: Double) {
        self.phase = phase
        self.contact = contact
        self.x = x
        self.y = y
    }

    public var description: String { "\(phase) #\(contact) (\(x), \(y))" }
}
