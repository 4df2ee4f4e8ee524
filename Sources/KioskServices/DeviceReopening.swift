import DeviceDrivers
import Logging

/// Keeps an input device open until cancelled: `session` opens it (calling `opened()` once it
/// is) and reads until the device ends or fails; then the failure is logged (once for each new
/// cause), handed to `failed`, and the device is opened again after 0.5 s doubling to 30 s.
/// A successful open starts the backoff and the logging over.
enum DeviceReopening {
    static let firstDelay: Duration = .milliseconds(500)
    static let longestDelay: Duration = .seconds(30)

    static func run(_ device: String, name: String, logger: Logger, failed: (String) async -> Void,
                    session: (_ opened: () -> Void) async throws -> Void) async {
        var delay = firstDelay
        var reportedFailure: String?
        while !Task.isCancelled {
            var wasOpen = false
            do {
                try await session { wasOpen = true }
                if Task.isCancelled { return }
                // A FIFO or a replayed file can end; a device node only fails.
                throw DeviceError(code: .notConnected, message: "'\(device)' ended (its writer closed)")
            } catch {
                if Task.isCancelled { return }
                if wasOpen {
                    delay = firstDelay
                    reportedFailure = nil
                }
                let message = (error as? DeviceError)?.message ?? "\(error)"
                if reportedFailure != message {
                    logger.error("\(name) unavailable; retrying by itself", metadata: ["device.path": "\(device)", "cause": "\(message)"])
                    reportedFailure = message
                }
                await failed(message)
            }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, longestDelay)
        }
    }
}
