import ControlProtocol
import DeviceDrivers
import Journal
import KioskConfiguration
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps the QR scanner open (grabbed, so its codes reach nothing else) and reads its codes,
/// reopening it with backoff (0.5 s doubling to 30 s) when it goes away. Codes are logged by
/// length only: a booking code is not personal data, but whatever a citizen scans might be. The
/// citizen's journey takes the codes from here (issue 6).
final class ScannerService: Service, DeviceStatusReporting {
    let configuration: ScannerConfiguration
    let logger: Logger
    private let faults: DeviceFaultRecorder
    private let state = Mutex<(state: String, lastError: String?, codes: Int)>(("opening", nil, 0))

    init(configuration: ScannerConfiguration, journal: Journal, logger: Logger) {
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "device.path"] = "\(configuration.device)"
        self.logger = logger
        faults = DeviceFaultRecorder(device: "scanner", path: configuration.device, journal: journal, logger: logger)
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var delay: Duration = .milliseconds(500)
            var reportedFailure: String?
            while !Task.isCancelled {
                do {
                    let scanner = try BarcodeScanner.open(self.configuration.device)
                    self.logger.info("Scanner ready", metadata: ["device.name": "\(scanner.device.name)"])
                    self.state.withLock { $0 = ("ready", nil, $0.codes) }
                    await self.faults.recovered()
                    reportedFailure = nil
                    delay = .milliseconds(500)
                    for try await code in scanner.codes() {
                        self.state.withLock { $0.codes += 1 }
                        self.logger.info("Code scanned", metadata: ["code.length": "\(code.count)"])
                    }
                    if Task.isCancelled { return }
                    throw DeviceError(code: .notConnected, message: "'\(self.configuration.device)' ended (its writer closed)")
                } catch {
                    if Task.isCancelled { return }
                    let message = (error as? DeviceError)?.message ?? "\(error)"
                    if reportedFailure != message {
                        self.logger.error("Scanner unavailable; retrying by itself", metadata: ["cause": "\(message)"])
                        reportedFailure = message
                    }
                    self.state.withLock { $0 = ("not connected", message, $0.codes) }
                    await self.faults.fault(code: DeviceError.Code.notConnected.rawValue, message: message)
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(30))
            }
        }
    }

    func deviceSummaries() async -> [DeviceSummary] {
        let current = state.withLock { $0 }
        return [DeviceSummary(name: "scanner", kind: "scanner", path: configuration.device, state: current.state, lastError: current.lastError)]
    }
}

extension ScannerService: CustomStringConvertible {
    var description: String { "scanner \(configuration.device)" }
}
