/// From raw device units to UI pixels, in this order (mixing the frames is the classic rotation
/// bug): normalise each axis by its range (EVIOCGABS, or configuration for pipes) -> calibrate
/// in the panel's frame -> scale to panel pixels -> rotate into the UI's frame.
public struct TouchMapping: Sendable, Equatable {
    /// Raw axis range, inclusive (input_absinfo minimum and maximum).
    public struct AxisRange: Sendable, Equatable {
        public var minimum: Int32
        public var maximum: Int32
        public init(minimum: Int32, maximum: Int32) {
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    public var xRange: AxisRange
    public var yRange: AxisRange
    public var calibration: CalibrationMatrix
    /// The panel's size in pixels (the display's native frame, before rotation).
    public var panelWidth: Int
    public var panelHeight: Int
    public var rotation: DisplayRotation

    public init(xRange: AxisRange, yRange: AxisRange, calibration: CalibrationMatrix = .identity,
                panelWidth: Int, panelHeight: Int, rotation: DisplayRotation = .degrees0) {
        self.xRange = xRange
        self.yRange = yRange
        self.calibration = calibration
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
        self.rotation = rotation
    }

    /// A raw position normalised to 0...1 on each axis, before calibration: what
    /// `CalibrationMatrix.fit` takes as touched points.
    public func normalised(rawX: Double, rawY: Double) -> (x: Double, y: Double) {
        (Self.normalise(rawX, xRange), Self.normalise(rawY, yRange))
    }

    /// A raw position in UI pixels, clamped to the screen.
    public func uiPoint(rawX: Double, rawY: Double) -> (x: Double, y: Double) {
        let unit = normalised(rawX: rawX, rawY: rawY)
        let calibrated = calibration.apply(x: unit.x, y: unit.y)
        let panelX = min(max(calibrated.x, 0), 1) * Double(panelWidth - 1)
        let panelY = min(max(calibrated.y, 0), 1) * Double(panelHeight - 1)
        return rotation.uiPoint(panel: panelX, panelY, panelWidth: panelWidth, panelHeight: panelHeight)
    }

    /// The same event with its position in UI pixels.
    public func map(_ event: TouchEvent) -> TouchEvent {
        let point = uiPoint(rawX: event.x, rawY: event.y)
        return TouchEvent(event.phase, contact: event.contact, x: point.x, y: point.y)
    }

    private static func normalise(_ value: Double, _ range: AxisRange) -> Double {
        let span = Double(range.maximum) - Double(range.minimum)
        guard span > 0 else { return 0 }
        return (value - Double(range.minimum)) / span
    }
}
