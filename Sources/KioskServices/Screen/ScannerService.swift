import ControlProtocol
import DeviceDrivers
import Journal
import KioskConfiguration
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps the QR scanner open (grabbed, so its codes reach nothing else) and reads its codes,
/// reopening it with backoff (`DeviceReopening`) when it goes away. Codes are logged by
/// length only: a booking code is not personal data, but whatever a citizen scans might be. Each
/// code goes to the citizen's journey (a booking's QR code at check-in).
package final class ScannerService: Service, DeviceStatusReporting {
    let configuration: ScannerConfiguration
    let logger: Logger
    let journey: JourneyInbox?
    private let faults: DeviceFaultRecorder
    private let state = Mutex<(state: String, lastError: String?, codes: Int)>(("opening", nil, 0))

    package init(configuration: ScannerConfiguration, journal: Journal, journey: JourneyInbox?, logger: Logger) {
        self.configuration = configuration
        self.journey = journey
        var logger = logger
        logger[metadataKey: "device.path"] = "\(configuration.device)"
        self.logger = logger
        faults = DeviceFaultRecorder(device: "scanner", path: configuration.device, journal: journal, logger: logger)
    }

    package func run() async throws {
        await cancelWhenGracefulShutdown {
            await DeviceReopening.run(self.configuration.device, name: "Scanner", logger: self.logger, failed: { message in
                self.state.withLock { $0 = ("not connected", message, $0.codes) }
                await self.faults.fault(code: DeviceError.Code.notConnected.rawValue, message: message)
            }) { opened in
                let scanner = try BarcodeScanner.open(self.configuration.device)
                opened()
                self.logger.info("Scanner ready", metadata: ["device.name": "\(scanner.device.name)"])
                self.state.withLock { $0 = ("ready", nil, $0.codes) }
                await self.faults.recovered()
                for try await code in scanner.codes() {
                    self.state.withLock { $0.codes += 1 }
                    self.logger.info("Code scanned", metadata: ["code.length": "\(code.count)"])
                    self.journey?.send(.qrScanned(code))
                }
            }
        }
    }

    package func deviceSummaries() async -> [DeviceSummary] {
        let current = state.withLock { $0 }
        return [DeviceSummary(name: "scanner", kind: "scanner", path: configuration.device, state: current.state, lastError: current.lastError,
                              counters: ["codes": current.codes])]
    }
}

extension ScannerService: CustomStringConvertible {
    package var description: String { "scanner \(configuration.device)" }
}
