import DeviceDrivers
import KioskConfiguration
import Logging

/// Keeps the touchscreen open and feeds its raw touches to the screen task: opens (and grabs)
/// it, reads until it goes away, and opens it again with backoff (`DeviceReopening`) until
/// cancelled. The reader itself sleeps in poll(2) on its own thread: nothing runs while nobody
/// touches.
enum TouchReading {
    static func run(_ configuration: TouchscreenConfiguration, panelWidth: Int, panelHeight: Int, rotation: DisplayRotation,
                    events: AsyncStream<ScreenEvent>.Continuation, logger: Logger) async {
        let calibration = configuration.calibration.flatMap(CalibrationMatrix.init) ?? .identity
        await DeviceReopening.run(configuration.device, name: "Touchscreen", logger: logger, failed: { events.yield(.touchLost($0)) }) { opened in
            let touch = try TouchScreen.open(configuration.device, panelWidth: panelWidth, panelHeight: panelHeight, rotation: rotation, calibration: calibration)
            opened()
            logger.info("Touchscreen ready", metadata: ["device.path": "\(configuration.device)", "device.name": "\(touch.device.name)",
                                                        "touch.multitouch": "\(touch.isMultitouch)"])
            events.yield(.touchOpened(touch.mapping))
            for try await event in touch.rawEvents() {
                events.yield(.touch(event))
            }
        }
    }
}
