import Logging
import ServiceLifecycle
import Synchronization

/// Tells systemd how kioskd is doing: READY=1 once the daemon serves, WATCHDOG=1 at half the
/// watchdog period while the daemon's loops answer, STATUS= a one-line summary, STOPPING=1 at
/// shutdown.
package struct SystemdNotifierService: Service {
    let notifier: SystemdNotifier
    /// nil when systemd set no watchdog.
    let watchdogTimeout: Duration?
    /// Each must return promptly while its part of the daemon is healthy. A probe that fails or
    /// does not answer within the ping period holds back the ping (and is logged by name), and
    /// systemd restarts the daemon: that is the point.
    let livenessProbes: [LivenessProbe]
    let statusLine: @Sendable () async -> String
    let logger: Logger

    package init(notifier: SystemdNotifier, watchdogTimeout: Duration?, livenessProbes: [LivenessProbe], statusLine: @escaping @Sendable () async -> String, logger: Logger) {
        self.notifier = notifier
        self.watchdogTimeout = watchdogTimeout
        self.livenessProbes = livenessProbes
        self.statusLine = statusLine
        self.logger = logger
    }

    package func run() async throws {
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
                if await probesPass(within: period) {
                    notifier.send("WATCHDOG=1\nSTATUS=\(await statusLine())")
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.send("STOPPING=1\nSTATUS=Shutting down")
    }

    private func probesPass(within limit: Duration) async -> Bool {
        for probe in livenessProbes {
            guard await probe.answers(within: limit, logger: logger) else { return false }
        }
        return true
    }
}

/// One part of the daemon the watchdog asks after: the journal's writer, the journey.
package struct LivenessProbe: Sendable {
    /// What is checked, for the log: "the journal's writer".
    let part: String
    let check: @Sendable () async throws -> Void

    package init(part: String, check: @escaping @Sendable () async throws -> Void) {
        self.part = part
        self.check = check
    }

    /// Whether `check` returned within `limit`. A check still hanging at the limit is left
    /// behind (it may yet return; nothing waits for it).
    func answers(within limit: Duration, logger: Logger) async -> Bool {
        await withCheckedContinuation { (answer: CheckedContinuation<Bool, Never>) in
            let once = ResumeOnce(answer)
            let timer = Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled, once.resume(false) else { return }
                logger.critical("Liveness check: \(part) did not answer within \(limit); withholding the watchdog ping, systemd will restart kioskd if it stays stuck")
            }
            Task {
                do {
                    try await check()
                    timer.cancel()
                    once.resume(true)
                } catch {
                    timer.cancel()
                    if once.resume(false) {
                        logger.error("Liveness check: \(part) failed; withholding the watchdog ping", metadata: ["cause": "\(error)"])
                    }
                }
            }
        }
    }

    /// Resumes a continuation once, whichever of the check and the timer comes first.
    private final class ResumeOnce: Sendable {
        private let continuation: Mutex<CheckedContinuation<Bool, Never>?>
        init(_ continuation: CheckedContinuation<Bool, Never>) { self.continuation = Mutex(continuation) }
        /// Returns false when it was resumed already.
        @discardableResult
        func resume(_ value: Bool) -> Bool {
            guard let continuation = continuation.withLock({ $0.take() }) else { return false }
            continuation.resume(returning: value)
            return true
        }
    }
}

extension SystemdNotifierService: CustomStringConvertible {
    package var description: String { "systemd notifier" }
}
