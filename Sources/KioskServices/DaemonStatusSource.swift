import ControlProtocol
import Foundation
import HallSync
import Journal
import KioskConfiguration
import KioskCore
import KioskValues

/// Builds the daemon's status from its parts, for kioskctl and systemd's STATUS= line.
package struct DaemonStatusSource: Sendable {
    let configuration: KioskConfiguration
    let journal: Journal
    let platform: PlatformSummary
    let startedAt: Date
    /// Uptime is measured on the monotonic clock: the wall clock may jump when NTP syncs at boot.
    let startInstant: ContinuousClock.Instant
    /// One per device service (card reader, printers, …), in the order they are configured.
    package var devices: [any DeviceStatusReporting] = []
    /// The card reader's monitor, for `kioskctl card status`; nil when none is configured.
    package var cardReader: CardReaderMonitor?
    /// The journal's sync with the hall; nil when `[sync]` is not configured.
    package var sync: HallSyncService? = nil

    package init(configuration: KioskConfiguration, journal: Journal, platform: PlatformSummary, startedAt: Date, startInstant: ContinuousClock.Instant) {
        self.configuration = configuration
        self.journal = journal
        self.platform = platform
        self.startedAt = startedAt
        self.startInstant = startInstant
    }

    package func deviceSummaries() async -> [DeviceSummary] {
        var summaries: [DeviceSummary] = []
        for device in devices { summaries += await device.deviceSummaries() }
        return summaries
    }

    func status() async throws -> DaemonStatus {
        let counts = try await journal.counts()
        let now = Date()
        return DaemonStatus(
            version: KioskVersion.current,
            kioskID: configuration.kioskID,
            configPath: configuration.sourcePath,
            pid: getpid(),
            startedAt: startedAt,
            uptimeSeconds: Int((ContinuousClock.now - startInstant).components.seconds),
            journal: JournalSummary(
                path: journal.path,
                total: counts.total,
                unsynced: counts.unsynced,
                oldestUnsyncedAgeSeconds: counts.oldestUnsyncedAt.map { max(0, Int(now.timeIntervalSince($0))) },
                lastSequence: counts.lastSequence),
            devices: await deviceSummaries(),
            platform: platform)
    }

    /// One line for systemd's STATUS=, e.g. "Serving K-0412; journal 12 events, 3 unsynced; 0 devices".
    package func statusLine() async -> String {
        let devices = await deviceSummaries()
        let ready = devices.filter { $0.state == "ready" }.count
        let deviceText = devices.isEmpty ? "no devices" : "\(ready)/\(devices.count) devices ready"
        guard let counts = try? await journal.counts() else {
            return "Serving \(configuration.kioskID); journal unreadable; \(deviceText)"
        }
        return "Serving \(configuration.kioskID); journal \(counts.total) events, \(counts.unsynced) unsynced; \(deviceText)"
    }
}
