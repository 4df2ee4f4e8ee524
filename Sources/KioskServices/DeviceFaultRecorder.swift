import Journal
import Logging
import Synchronization

/// Journals a device's faults and recoveries as transitions (DESIGN invariant 3): one
/// `device.fault` on the way into trouble, one `device.recovered` on the way out, however many
/// retries happen in between, so the hall's report shows one fault with a start and an end.
final class DeviceFaultRecorder: Sendable {
    let device: String
    let path: String
    let journal: Journal
    let logger: Logger
    private let faulted = Mutex(false)

    init(device: String, path: String, journal: Journal, logger: Logger) {
        self.device = device
        self.path = path
        self.journal = journal
        self.logger = logger
    }

    /// - Parameter path: where the device is now, when that differs from the configured path
    ///   (a reader found behind a link).
    func fault(code: String, message: String, path: String? = nil) async {
        guard faulted.withLock({ was in defer { was = true }; return !was }) else { return }
        await record(.deviceFault, DeviceEventPayload(device: device, path: path ?? self.path, code: code, message: message))
    }

    func recovered(path: String? = nil) async {
        guard faulted.withLock({ was in defer { was = false }; return was }) else { return }
        await record(.deviceRecovered, DeviceEventPayload(device: device, path: path ?? self.path, code: nil, message: "ready again"))
    }

    private func record(_ kind: JournalEventKind, _ payload: DeviceEventPayload) async {
        do {
            try await journal.append(kind, payload: payload)
        } catch {
            logger.error("Unable to journal a device event", metadata: ["event.kind": "\(kind)", "device.name": "\(device)", "error": "\(error)"])
        }
    }
}

/// The payload of device.fault and device.recovered events.
struct DeviceEventPayload: Encodable, Sendable {
    var device: String
    var path: String
    var code: String?
    var message: String
}
