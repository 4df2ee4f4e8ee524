import ControlProtocol
import HallProtocol
import HallSync
import Journal
import KioskConfiguration
import KioskCore
import Logging
import NIOPosix
import KioskValues

/// Builds the sync service from `[sync]`, or says once that sync is off.
package enum HallSyncSetup {
    package static func make(configuration: KioskConfiguration, journal: Journal, statusSource: DaemonStatusSource, logger: Logger) async throws -> HallSyncService? {
        guard let settings = configuration.sync else {
            logger.notice("Sync with the hall is disabled: '\(configuration.sourcePath)' has no [sync] table. Events stay in the journal until it is configured (see docs/configuration.md, [sync]).")
            return nil
        }
        let syncConfiguration = HallSyncConfiguration(
            kioskID: configuration.kioskID,
            hallURL: configuration.hallURL,
            clientCertificatePath: settings.clientCertificate,
            clientKeyPath: settings.clientKey,
            hallCAPath: settings.hallCA,
            batchSize: settings.batchSize,
            reconcileAt: (settings.reconcileHour, settings.reconcileMinute),
            retention: .seconds(settings.retentionDays * 86400),
            maximumJournalBytes: Int64(settings.maximumJournalMegabytes) * 1024 * 1024,
            heartbeatInterval: .seconds(settings.heartbeatSeconds),
            catalogRefreshInterval: .seconds(settings.catalogRefreshSeconds),
            retryMaximum: .seconds(settings.retryMaximumSeconds),
            stateDirectory: configuration.stateDirectory,
            softwareVersion: KioskVersion.current)
        do {
            // Reads the certificate files: blocking, so on NIO's thread pool.
            return try await NIOThreadPool.singleton.runIfActive {
                try HallSyncService(configuration: syncConfiguration, journal: journal, logger: logger) {
                    await statusSource.deviceSummaries().prefix(HallProtocol.maximumHeartbeatDevices).map { DeviceState(name: $0.name, kind: $0.kind, state: $0.state, lastError: $0.lastError).fittedToProtocol }
                }
            }
        } catch {
            throw StartupError(status: ExitStatus.badConfiguration, description: "Unable to load the sync credentials named in [sync] of '\(configuration.sourcePath)' (client_certificate '\(settings.clientCertificate)', client_key '\(settings.clientKey)', hall_ca '\(settings.hallCA)'): \(error). Issue them with 'kiosk-hall enroll \(configuration.kioskID)' and copy them to the kiosk.")
        }
    }
}
