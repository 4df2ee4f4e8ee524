import ControlProtocol
import KioskConfiguration
import Logging
import ServiceLifecycle

/// Reads the QR scanner. (Being wired to the evdev keyboard decoder in DeviceDrivers/Input.)
struct ScannerService: Service, DeviceStatusReporting {
    let configuration: ScannerConfiguration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
    }

    func deviceSummaries() async -> [DeviceSummary] {
        [DeviceSummary(name: "scanner", kind: "scanner", path: configuration.device, state: "ready", lastError: nil)]
    }
}

extension ScannerService: CustomStringConvertible {
    var description: String { "scanner \(configuration.device)" }
}
