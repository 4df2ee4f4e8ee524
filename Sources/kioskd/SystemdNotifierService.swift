import Logging
import ServiceLifecycle

/// Tells systemd how kioskd is doing: READY=1 once the daemon serves, WATCHDOG=1 at half the
/// watchdog period while the daemon's loops answer, STATUS= a one-line summary, STOPPING=1 at
/// shutdown.
struct SystemdNotifierService: Service {
    let notifier: SystemdNotifier
    /// nil when systemd set no watchdog.
    let watchdogTimeout: Duration?
    /// Each must return promptly while its part of the daemon is healthy. A probe that hangs
    /// holds back the ping, and systemd restarts the daemon: that is the point.
    let livenessProbes: [@Sendable () async throws -> Void]
    let statusLine: @Sendable () async -> String
    let logger: Logger

    func run() async throws {
        if !notifier.send("READY=1\nSTATUS=\(await statusLine())") {
            logger.warning("Unable to notify systemd; continuing without it", metadata: ["notify.socket": "\(notifier.socketAddress)"])
        }
        if let watchdogTimeout {
            let period = watchdogTimeout / 2
            logger.info("Watchdog enabled", metadata: ["watchdog.period": "\(period)"])
            while !Task.isCancelled {
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
                } catch {
                    break
                }
                if await probesPass() {
                    notifier.send("WATCHDOG=1\nSTATUS=\(await statusLine())")
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.send("STOPPING=1\nSTATUS=Shutting down")
    }

    private func probesPass() async -> Bool {
        for probe in livenessProbes {
            do {
                try await probe()
            } catch {
                logger.error("Liveness check failed; withholding the watchdog ping", metadata: ["error": "\(error)"])
                return false
            }
        }
        return true
    }
}

extension SystemdNotifierService: CustomStringConvertible {
    var description: String { "systemd notifier" }
}
