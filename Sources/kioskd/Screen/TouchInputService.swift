import ControlProtocol
import DeviceDrivers
import Graphics
import KioskConfiguration
import Logging
import ServiceLifecycle
import Synchronization

/// Reads the touchscreen and publishes its touches mapped onto the UI. (Being wired to the
/// evdev reader in DeviceDrivers/Input.)
final class TouchInputService: Service, DeviceStatusReporting {
    let configuration: TouchscreenConfiguration
    let rotation: Int
    let logger: Logger
    let touches: AsyncStream<ScreenTouch>
    private let touchContinuation: AsyncStream<ScreenTouch>.Continuation

    struct CalibrationResult {
        var matrix: [Double]
        var meanErrorPixels: Double
    }

    init(configuration: TouchscreenConfiguration, rotation: Int, logger: Logger) {
        self.configuration = configuration
        self.rotation = rotation
        self.logger = logger
        (touches, touchContinuation) = AsyncStream.makeStream(of: ScreenTouch.self, bufferingPolicy: .bufferingNewest(256))
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
        touchContinuation.finish()
    }

    func calibrate(touches: [ScreenTouch], targets: [Graphics.Point]) throws -> CalibrationResult {
        throw DeviceError(code: .deviceFault, message: "calibration is not wired yet")
    }

    func deviceSummaries() async -> [DeviceSummary] {
        [DeviceSummary(name: "touchscreen", kind: "touch", path: configuration.device, state: "ready", lastError: nil)]
    }
}

extension TouchInputService: CustomStringConvertible {
    var description: String { "touchscreen \(configuration.device)" }
}
