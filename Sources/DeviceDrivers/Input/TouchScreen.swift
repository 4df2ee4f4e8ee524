/// A touch panel: its events as down/move/up in UI pixels, calibrated and rotated.
///
///     let touch = try TouchScreen.open("/dev/input/event3", panelWidth: 1920, panelHeight: 1080,
///                                      rotation: .degrees90, calibration: matrix)
///     for try await event in touch.events() { … }
public struct TouchScreen: Sendable {
    public let device: InputDevice
    public let mapping: TouchMapping
    public let isMultitouch: Bool

    /// Opens and grabs the panel. The axis ranges come from EVIOCGABS (ABS_MT_POSITION_* on a
    /// multitouch panel, ABS_X/ABS_Y otherwise); a pipe has none, so give `rawRanges` (default:
    /// raw units are panel pixels).
    /// - Parameters:
    ///   - panelWidth, panelHeight: the display's native size in pixels (before rotation).
    ///   - calibration: in the panel's frame, libinput's convention; identity when nil.
    public static func open(_ path: String, panelWidth: Int, panelHeight: Int, rotation: DisplayRotation = .degrees0,
                            calibration: CalibrationMatrix = .identity,
                            rawRanges: (x: TouchMapping.AxisRange, y: TouchMapping.AxisRange)? = nil) throws(DeviceError) -> TouchScreen {
        let device = try InputDevice.open(path, grab: true)
        return try TouchScreen(device: device, panelWidth: panelWidth, panelHeight: panelHeight, rotation: rotation, calibration: calibration, rawRanges: rawRanges)
    }

    public init(device: InputDevice, panelWidth: Int, panelHeight: Int, rotation: DisplayRotation = .degrees0,
                calibration: CalibrationMatrix = .identity,
                rawRanges: (x: TouchMapping.AxisRange, y: TouchMapping.AxisRange)? = nil) throws(DeviceError) {
        let multitouch = device.isMultitouch
        let pixels = (x: TouchMapping.AxisRange(minimum: 0, maximum: Int32(panelWidth - 1)),
                      y: TouchMapping.AxisRange(minimum: 0, maximum: Int32(panelHeight - 1)))
        var ranges = rawRanges ?? pixels
        if rawRanges == nil, device.kind == .evdev {
            let xAxis = multitouch ? AbsoluteAxis.multitouchPositionX : AbsoluteAxis.x
            let yAxis = multitouch ? AbsoluteAxis.multitouchPositionY : AbsoluteAxis.y
            guard let x = device.absoluteRange(xAxis), let y = device.absoluteRange(yAxis) else {
                throw DeviceError(code: .deviceFault, message: "'\(device.path)' (\(device.name)) reports no absolute X/Y axes; is it a touchscreen? (evtest \(device.path))")
            }
            ranges = (x, y)
        }
        self.device = device
        self.isMultitouch = multitouch
        mapping = TouchMapping(xRange: ranges.x, yRange: ranges.y, calibration: calibration,
                               panelWidth: panelWidth, panelHeight: panelHeight, rotation: rotation)
    }

    /// Touch events in UI pixels, every press and release in order. Read once.
    public func events() -> AsyncThrowingStream<TouchEvent, any Error> {
        let mapping = self.mapping, multitouch = isMultitouch
        return InputReader.stream(device) { TouchProcessor(tracker: TouchTracker(multitouch: multitouch), mapping: mapping) }
    }

    /// Touch events in raw device units, uncalibrated (for `kioskctl screen calibrate`). Read once.
    public func rawEvents() -> AsyncThrowingStream<TouchEvent, any Error> {
        let multitouch = isMultitouch
        return InputReader.stream(device) { TouchProcessor(tracker: TouchTracker(multitouch: multitouch), mapping: nil) }
    }
}

/// Tracks contacts, resynchronises after SYN_DROPPED from the device's state (or lifts every
/// contact on a stream), and maps to UI pixels.
struct TouchProcessor: InputEventProcessor {
    var tracker: TouchTracker
    let mapping: TouchMapping?

    mutating func process(_ events: [InputEvent], device: InputDevice) -> [TouchEvent] {
        var touches: [TouchEvent] = []
        for event in events {
            touches += tracker.handle(event)
            if tracker.needsResynchronization {
                touches += tracker.resynchronize(with: device.touchSnapshot())
            }
        }
        guard let mapping else { return touches }
        return touches.map(mapping.map)
    }
}
