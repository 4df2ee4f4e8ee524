import DeviceDrivers
import KioskConfiguration
import Logging

/// Keeps the touchscreen open and feeds its raw touches to the screen task: opens (and grabs)
/// it, reads until it goes away, and opens it again with backoff (0.5 s doubling to 30 s) until
/// cancelled. The reader itself sleeps in poll(2) on its own thread: nothing runs while nobody
/// touches.
enum TouchReading {
    static func run(_ configuration: TouchscreenConfiguration, panelWidth: Int, panelHeight: Int, rotation: DisplayRotation,
                    events: AsyncStream<ScreenEvent>.Continuation, logger: Logger) async {
        let calibration = configuration.calibration.flatMap(CalibrationMatrix.init) ?? .identity
        var delay: Duration = .milliseconds(500)
        var reportedFailure: String?
        while !Task.isCancelled {
            do {
                let touch = try TouchScreen.open(configuration.device, panelWidth: panelWidth, panelHeight: panelHeight, rotation: rotation, calibration: calibration)
                logger.info("Touchscreen ready", metadata: ["device.path": "\(configuration.device)", "device.name": "\(touch.device.name)",
                                                            "touch.multitouch": "\(touch.isMultitouch)"])
                events.yield(.touchOpened(touch.mapping))
                reportedFailure = nil
                delay = .milliseconds(500)
                for try await event in touch.rawEvents() {
                    events.yield(.touch(event))
                }
                if Task.isCancelled { return }
                throw DeviceError(code: .notConnected, message: "'\(configuration.device)' ended (its writer closed)")
            } catch {
                if Task.isCancelled { return }
                let message = (error as? DeviceError)?.message ?? "\(error)"
                if reportedFailure != message {
                    logger.error("Touchscreen unavailable; retrying by itself", metadata: ["device.path": "\(configuration.device)", "cause": "\(message)"])
                    reportedFailure = message
                }
                events.yield(.touchLost(message))
            }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(30))
        }
    }
}
