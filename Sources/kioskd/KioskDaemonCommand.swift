import ArgumentParser
import KioskConfiguration
import KioskCore
import KioskLogging
import KioskServices
import Logging

#if canImport(Glibc)
import Glibc
import KioskValues
#endif

@main
struct KioskDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskd",
        abstract: "The self-service kiosk daemon: ID card readers, printers, the touchscreen and the journal.",
        discussion: """
            Runs in the foreground until SIGTERM or SIGINT; systemd starts it as a Type=notify service.
            Exit status: 0 clean stop, 1 start-up or run-time failure, 73 state directory cannot be created,
            78 bad configuration.
            """,
        version: KioskVersion.current)

    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config: String = KioskConfiguration.defaultPath

    func run() async throws {
        let configuration: KioskConfiguration
        do {
            configuration = try KioskConfiguration.load(from: config)
        } catch {
            KioskLogHandler.writeToStandardError("kioskd: \(error)\n")
            throw ExitCode(ExitStatus.badConfiguration)
        }

        let level = Logger.Level(rawValue: configuration.logLevel.rawValue) ?? .info
        // Every line also goes to a ring in memory, for `kioskctl logs`.
        let ring = LogRing(capacity: 1000)
        LoggingSystem.bootstrap { label in
            MultiplexLogHandler([
                KioskLogHandler(label: label, level: level),
                KioskLogHandler(label: label, level: level, style: .plain, sink: { ring.append($0) }),
            ])
        }
        let logger = Logger(label: "kioskd")
        logger.debug("Open-file limit raised", metadata: ["files.limit": "\(FileLimit.raiseToHardLimit())"])

        do {
            try await KioskDaemon(configuration: configuration, logger: logger, logRing: ring).run()
        } catch let error as StartupError {
            logger.critical("\(error.description)")
            throw ExitCode(error.status)
        }
    }
}
