import ArgumentParser
import Foundation
import HallServer
import KioskLogging
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the kiosks over HTTPS with mutual TLS until SIGTERM or SIGINT.",
        discussion: """
            Creates the hall's CA and server certificate in <state-directory>/tls on first start.
            Prints 'kiosk-hall listening on HOST:PORT' once it accepts connections.
            """)

    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The TCP port; 0 picks a free one.", valueName: "port"))
    var port = 8443

    @Option(name: .customLong("server-name"), help: ArgumentHelp("A host name or IPv4 address the kiosks use in hall_url; repeat for several. Only used when the server certificate is first created.", valueName: "name"))
    var serverNames: [String] = ["localhost", "127.0.0.1"]

    @Option(help: ArgumentHelp("The catalog (JSON) to serve to kiosks.", valueName: "path"))
    var catalog: String?

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "info"

    @Option(help: ArgumentHelp("Seconds a client may take from connecting to the end of the TLS handshake.", valueName: "seconds"))
    var handshakeTimeout = 10

    @Option(help: ArgumentHelp("Seconds a connection may stay open with no request in progress, or with a request head not yet complete.", valueName: "seconds"))
    var idleTimeout = 75

    @Option(help: ArgumentHelp("Seconds from a request's head to the last byte of its body.", valueName: "seconds"))
    var bodyTimeout = 60

    @Option(help: ArgumentHelp("Connections open at once; more wait until one closes.", valueName: "count"))
    var maxConnections = 4096

    /// The limits from the options above.
    var limits: HallServerLimits {
        var limits = HallServerLimits()
        limits.handshakeTimeout = .seconds(Int64(handshakeTimeout))
        limits.idleTimeout = .seconds(Int64(idleTimeout))
        limits.bodyTimeout = .seconds(bodyTimeout)
        limits.maximumConnections = maxConnections
        return limits
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("Please give a port from 0 to 65535.") }
        for (name, seconds) in [("--handshake-timeout", handshakeTimeout), ("--idle-timeout", idleTimeout), ("--body-timeout", bodyTimeout)] {
            guard (1...3600).contains(seconds) else { throw ValidationError("Please give \(name) in seconds, from 1 to 3600.") }
        }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("Please give --max-connections from 1 to 1000000.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("Please give a log level: trace, debug, info, notice, warning, error or critical.") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in KioskLogHandler(label: label, level: level) }
        let logger = Logger(label: "kiosk-hall")
        // A descriptor per connection: HallServerLimits.maximumConnections must fit under it.
        logger.debug("Open-file limit raised", metadata: ["files.limit": "\(FileLimit.raiseToHardLimit())"])

        // The database first: a wrong URL or password must leave nothing behind.
        try await state.withStorage(logger: logger) { store in
            let (credentials, catalog) = try await openState(logger: logger)
            let host = host
            let application = try HallServerSetup.makeApplication(
                store: store, credentials: credentials, catalog: catalog, host: host, port: port, limits: limits, logger: logger,
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    logger.info("kiosk-hall ready", metadata: ["listen.address": "\(host):\(port)", "db.url": "\(store.location)"])
                    // Tests and `make run` wait for this line on stdout.
                    FileHandle.standardOutput.write(Data("kiosk-hall listening on \(host):\(port)\n".utf8))
                })
            let group = ServiceGroup(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
            try await group.run()
        }
        logger.info("kiosk-hall stopped cleanly")
    }

    /// Prepares the certificates and reads the catalog; blocking, so on NIO's thread pool.
    private func openState(logger: Logger) async throws -> (HallCredentials, HallCatalog) {
        let state = state, serverNames = serverNames, catalogPath = catalog
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                try FileManager.default.createDirectory(atPath: state.stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
                let credentials = HallCredentials(directory: state.credentialsDirectory)
                try credentials.prepare(serverNames: serverNames)
                let catalog = try catalogPath.map(HallCatalog.load(from:)) ?? .empty
                return (credentials, catalog)
            }
        } catch {
            logger.critical("kiosk-hall cannot start: \(error)", metadata: ["state.directory": "\(state.stateDirectory)"])
            throw ExitCode(1)
        }
    }
}
