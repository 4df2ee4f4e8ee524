/// A touch device's whole state, read after SYN_DROPPED (EVIOCGMTSLOTS, EVIOCGKEY, EVIOCGABS):
/// the tracker compares it with what it reported and sends the differences.
public struct TouchSnapshot: Sendable, Equatable {
    public struct Slot: Sendable, Equatable {
        /// -1 when the slot holds no contact.
        public var trackingID: Int32
        public var x: Int32
        public var y: Int32
        public init(trackingID: Int32, x: Int32, y: Int32) {
            self.trackingID = trackingID
            self.x = x
            self.y = y
        }
    }

    /// Multitouch slots, empty for a single-touch device.
    public var slots: [Slot]
    public var currentSlot: Int
    /// BTN_TOUCH, ABS_X and ABS_Y.
    public var touching: Bool
    public var x: Int32
    public var y: Int32

    public init(slots: [Slot], currentSlot: Int = 0, touching: Bool, x: Int32, y: Int32) {
        self.slots = slots
        self.currentSlot = currentSlot
        self.touching = touching
        self.x = x
        self.y = y
    }
}
