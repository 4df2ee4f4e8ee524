#if canImport(Glibc)
import Glibc
#endif
import ControlProtocol
import KioskServices
import DeviceDrivers
import Foundation
import HallSync
import Journal
import KioskConfiguration
import KioskCore
import KioskLogging
import Logging
import NIOPosix
import ServiceLifecycle
import KioskValues

/// Builds kioskd's parts from the configuration and runs them until SIGTERM or SIGINT.
struct KioskDaemon {
    let configuration: KioskConfiguration
    let logger: Logger
    /// The recent log lines `kioskctl logs` shows.
    let logRing: LogRing

    /// Opens the journal, runs every part on it until SIGTERM or SIGINT (or a failure), then
    /// records the stop and closes the journal: the only place it is closed.
    func run() async throws {
        let startedAt = Date()
        let startInstant = ContinuousClock.now
        logger.info("kioskd starting", metadata: ["version": "\(KioskVersion.current)", "kiosk.id": "\(configuration.kioskID)", "config.path": "\(configuration.sourcePath)"])

        try createStateDirectory()
        let journal = try await openJournal()
        do {
            try await runParts(journal: journal, startedAt: startedAt, startInstant: startInstant)
        } catch {
            try? await closeJournal(journal)
            throw error
        }
        try await journal.append(.kioskStopped, payload: ["reason": "signal"])
        try await closeJournal(journal)
        logger.info("kioskd stopped cleanly")
    }

    /// Builds the parts on the open journal and runs them until a signal stops them. Throws a
    /// start-up error (nothing ran), or a failure once its stop is journaled as "failure".
    private func runParts(journal: Journal, startedAt: Date, startInstant: ContinuousClock.Instant) async throws {
        let platform = try await NIOThreadPool.singleton.runIfActive { [logger] in PlatformProbe.run(logger: logger) }
        var statusSource = DaemonStatusSource(configuration: configuration, journal: journal, platform: platform, startedAt: startedAt, startInstant: startInstant)
        // The citizen's journey runs wherever there is a screen to show it on.
        let inbox = configuration.devices.display == nil ? nil : JourneyInbox()
        let linkingKey = try await inbox == nil ? nil : loadLinkingKey()
        let callbackKey = try await inbox == nil ? nil : loadCallbackKey()
        var deviceServices: [any Service] = []
        var cardReader: (reader: IDCardReader, idleOff: Bool)?
        if let cardReaderConfiguration = configuration.devices.cardReader {
            let journey = inbox.flatMap { inbox in linkingKey.map { (inbox: inbox, linkingKey: $0) } }
            let (reader, monitor) = makeCardReader(cardReaderConfiguration, journal: journal, journey: journey)
            cardReader = (reader, cardReaderConfiguration.idlePolling == .off)
            statusSource.devices.append(monitor)
            statusSource.cardReader = monitor
            // The monitor reads the reader's events until the reader stops, so it must be
            // shut down after it: ServiceGroup stops services in reverse order.
            deviceServices += [monitor, reader]
        }
        let screen = configuration.devices.display.map {
            ScreenService(configuration: $0, touchscreen: configuration.devices.touchscreen, kioskID: configuration.kioskID, journal: journal, journey: inbox, logger: logger)
        }
        if let screen {
            statusSource.devices.append(screen)
            deviceServices.append(screen)
        } else if configuration.devices.touchscreen != nil {
            logger.warning("A touchscreen is configured but no display; touches are ignored. Add [devices.display].")
        }
        if let scanner = configuration.devices.scanner {
            let service = ScannerService(configuration: scanner, journal: journal, journey: inbox, logger: logger)
            statusSource.devices.append(service)
            deviceServices.append(service)
        }
        // Tickets and forms print on [journey] printer, or the first printer configured.
        let journeyPrinterName = configuration.journey.printer ?? configuration.devices.printers.first?.name
        let printers = configuration.devices.printers.map { printer -> PrinterService in
            var observer: (@Sendable (String) -> Void)?
            if let inbox, printer.name == journeyPrinterName {
                observer = { state in inbox.send(.printerChanged(PrinterState(serviceState: state))) }
            }
            return PrinterService(configuration: printer, kioskID: configuration.kioskID, journal: journal, logger: logger, stateObserver: observer)
        }
        statusSource.devices += printers as [any DeviceStatusReporting]
        deviceServices += printers as [any Service]
        // After the devices: the heartbeat reports the devices the status source knows by now.
        let sync = try await HallSyncSetup.make(configuration: configuration, journal: journal, statusSource: statusSource, logger: logger)
        statusSource.sync = sync
        let control = try await bindControlSocket(statusSource: statusSource, printers: printers, screen: screen, journey: inbox)

        try await recordStart(in: journal)

        // A USB device plugged in may be the reader or a printer coming back: they try at once.
        let usbWatch = USBWatchService(logger: logger) { [reader = cardReader?.reader, printers] in
            reader?.retryNow()
            printers.forEach { $0.pollSoon() }
        }
        // The order is the shutdown order reversed (ServiceGroup stops the last one first): the
        // journey before the devices it drives, the devices before the control socket that
        // reports them. The journal outlives them all (it is closed by run()).
        var services: [any Service] = [control, usbWatch] + deviceServices
        if let sync { services.append(sync) }
        if let inbox {
            services.append(JourneyService(
                settings: configuration.journey, inbox: inbox, journal: journal, screen: screen, cardReader: cardReader,
                printer: JourneyPrinter(service: printers.first { $0.name == journeyPrinterName }),
                hall: JourneyHall(client: sync?.hallClient, logger: logger), catalogChanges: sync?.catalogChanges,
                stateDirectory: configuration.stateDirectory, callbackKey: callbackKey, logger: logger))
        }
        if let notifier = SystemdNotifier.fromEnvironment() {
            services.append(SystemdNotifierService(
                notifier: notifier,
                watchdogTimeout: SystemdNotifier.watchdogTimeoutFromEnvironment(),
                livenessProbes: [LivenessProbe(part: "the journal's writer") { try await journal.checkWriterResponds() }]
                    + (inbox.map { inbox in [LivenessProbe(part: "the citizen's journey") { await inbox.probe() }] } ?? []),
                statusLine: { [statusSource] in await statusSource.statusLine() },
                logger: logger))
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        logger.info("kioskd ready", metadata: ["kiosk.id": "\(configuration.kioskID)"])
        do {
            try await group.run()
        } catch {
            logger.error("A service failed; stopping", metadata: ["error": "\(error)"])
            _ = try? await journal.append(.kioskStopped, payload: ["reason": "failure"])
            throw StartupError(status: ExitStatus.failure, description: "kioskd stopped after a failure: \(error)")
        }
    }

    private func bindControlSocket(statusSource: DaemonStatusSource, printers: [PrinterService], screen: ScreenService?, journey: JourneyInbox?) async throws -> ControlServer {
        do {
            let policy = try await NIOThreadPool.singleton.runIfActive { [configuration] in
                TechnicianAccessPolicy.resolve(groupName: configuration.technicianGroup)
            }
            if policy.groupID == nil {
                logger.warning("The technician group does not exist; only root and kioskd's own user can use kioskctl. Create it with 'groupadd \(configuration.technicianGroup)'.", metadata: ["technician.group": "\(configuration.technicianGroup)"])
            }
            let printerCommands = PrinterControlCommands(printers: printers, kioskID: configuration.kioskID)
            return try await ControlServer.bind(path: configuration.controlSocket, policy: policy, statusSource: statusSource, printerCommands: printerCommands, screen: screen,
                                                logRing: logRing, journey: journey, logger: logger)
        } catch {
            throw StartupError(status: ExitStatus.failure, description: "Unable to serve the control socket '\(configuration.controlSocket)': \(error)")
        }
    }

    private func makeCardReader(_ configuration: CardReaderConfiguration, journal: Journal, journey: (inbox: JourneyInbox, linkingKey: LinkingKey)?) -> (IDCardReader, CardReaderMonitor) {
        let idle: ReaderPolling = configuration.idlePolling == .off ? .off : .slow
        let reader: IDCardReader
        switch configuration.connection {
        case let .serial(path, baud):
            reader = IDCardReader(device: path, polling: idle) { () async throws(DeviceError) -> any IDCardReaderTransport in
                try await SerialReaderTransport.open(path, baud: baud)
            }
        case .usb:
            reader = IDCardReader(device: "USB 0400:c35a", polling: idle) { () async throws(DeviceError) -> any IDCardReaderTransport in
                try await USBReaderTransport.open()
            }
        }
        return (reader, CardReaderMonitor(reader: reader, journal: journal, journey: journey, logger: logger))
    }

    private func loadCallbackKey() async throws -> CallbackKey? {
        guard let path = configuration.journey.callbackPublicKeyFile else { return nil }
        do {
            return try await NIOThreadPool.singleton.runIfActive { try CallbackKey.load(path) }
        } catch {
            throw StartupError(status: ExitStatus.badConfiguration, description: "\(error)")
        }
    }

    private func loadLinkingKey() async throws -> LinkingKey {
        do {
            let (key, generated) = try await NIOThreadPool.singleton.runIfActive { [configuration] in
                try LinkingKey.load(configuredFile: configuration.journey.linkingKeyFile, stateDirectory: configuration.stateDirectory)
            }
            if generated {
                logger.notice("No linking_key_file in [journey]: one ticket per person per day holds on this kiosk only, with a key of its own in the state directory")
            }
            return key
        } catch {
            throw StartupError(status: ExitStatus.badConfiguration, description: "\(error)")
        }
    }

    private func createStateDirectory() throws {
        let path = configuration.stateDirectory
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw StartupError(status: ExitStatus.cannotCreate, description: "Unable to create the state directory '\(path)': \(error.localizedDescription). Check state_directory in '\(configuration.sourcePath)' and the permissions of its parent.")
        }
    }

    private func openJournal() async throws -> Journal {
        do {
            return try await NIOThreadPool.singleton.runIfActive { [configuration] in
                try Journal(path: configuration.journalPath, kioskID: configuration.kioskID)
            }
        } catch {
            throw StartupError(status: ExitStatus.failure, description: "\(error)")
        }
    }

    private func closeJournal(_ journal: Journal) async throws {
        try await NIOThreadPool.singleton.runIfActive { try journal.close() }
    }

    /// The first event of every run; tells the hall whether the previous run ended cleanly
    /// (a start after a start means a crash or a power cut).
    private func recordStart(in journal: Journal) async throws {
        let counts = try await journal.counts()
        let previous = try await journal.events(from: counts.lastSequence, limit: 1).first
        let previousStop = switch (counts.lastSequence, previous?.kind) {
        case (0, _): "first_start"
        case (_, JournalEventKind.kioskStopped?): "clean"
        case (_, nil): "unknown"  // the last event was pruned after sync
        default: "unclean"
        }
        if previousStop == "unclean" {
            logger.warning("The previous run did not stop cleanly (crash or power cut); the journal was recovered", metadata: ["journal.last_sequence": "\(counts.lastSequence)"])
        }
        try await journal.append(.kioskStarted, payload: StartPayload(version: KioskVersion.current, pid: getpid(), previousStop: previousStop))
    }

    struct StartPayload: Encodable, Sendable {
        var version: String
        var pid: Int32
        var previousStop: String

        enum CodingKeys: String, CodingKey {
            case version, pid
            case previousStop = "previous_stop"
        }
    }
}
