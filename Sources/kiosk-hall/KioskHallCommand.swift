import ArgumentParser
import Foundation
import HallServer
import KioskValues
import Logging

@main
struct KioskHallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-hall",
        abstract: "The hall's server: receives the kiosks' journals, serves the catalog, shows the morning report.",
        discussion: """
            Examples:
              kiosk-hall enroll K-0412 --output /tmp/K-0412     # credentials for one kiosk
              kiosk-hall serve --port 8443 --catalog catalog.json
              kiosk-hall report --date 2026-03-02 --csv
            """,
        version: KioskVersion.current,
        subcommands: [Serve.self, Enroll.self, Revoke.self, Report.self, ImportProgress.self, ImportBookings.self])
}

/// Where the hall keeps its database and certificates.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The hall's state: hall.sqlite (without --database) and the CA.", valueName: "path"))
    var stateDirectory: String = "/var/lib/kiosk-hall"

    @Option(help: ArgumentHelp("A PostgreSQL database instead of <state-directory>/hall.sqlite: postgres://USER@HOST:5432/DB[?sslmode=verify-full] or postgres://USER@/DB?host=/run/postgresql. Never put the password here.", valueName: "url"))
    var database: String?

    @Option(help: ArgumentHelp("A file holding the database's password (mode 0600); without it, PGPASSWORD.", valueName: "path"))
    var databasePasswordFile: String?

    var databasePath: String { stateDirectory + "/hall.sqlite" }
    var credentialsDirectory: String { stateDirectory + "/tls" }

    func validate() throws {
        guard database != nil || databasePasswordFile == nil else {
            throw ValidationError("--database-password-file is for a PostgreSQL database; please give --database postgres://... too.")
        }
    }

    /// The database these options name; a malformed URL or an unreadable password file throws
    /// `.misconfigured`. Reads the password file: call it where blocking is fine.
    func storageLocation() throws(HallStoreError) -> HallStorageLocation {
        guard let database else { return .sqlite(path: databasePath) }
        var postgres = try PostgresLocation(url: database)
        if let file = databasePasswordFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw HallStoreError(code: .misconfigured, message: "Unable to read the database password file '\(file)'. Check the path and that kiosk-hall may read it.")
            }
            postgres.password = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        } else {
            postgres.password = ProcessInfo.processInfo.environment["PGPASSWORD"]
        }
        // As libpq: an empty password is none.
        if postgres.password == "" { postgres.password = nil }
        return .postgres(postgres)
    }

    /// Opens the store, runs `body` and closes it. A store that cannot be opened prints one line
    /// and exits: 78 for what the options can fix, 69 for a database server that is not there.
    func withStorage<T: Sendable>(logger: Logger = Logger(label: "kiosk-hall", factory: { _ in SwiftLogNoOpLogHandler() }),
                                  _ body: (any HallStorage) async throws -> T) async throws -> T {
        do {
            let location = try storageLocation()
            if case .sqlite = location {
                try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            }
            return try await location.withStorage(logger: logger, body)
        } catch let error as HallStoreError {
            FileHandle.standardError.write(Data("kiosk-hall: \(error.message)\n".utf8))
            throw error.exitCode
        }
    }
}

extension HallStoreError {
    /// sysexits.h: EX_CONFIG for what the options or the database's contents must fix,
    /// EX_UNAVAILABLE for a server that is not there.
    var exitCode: ExitCode {
        switch code {
        case .incompatible, .misconfigured: ExitCode(78)
        case .unavailable: ExitCode(69)
        case .cannotOpen, .notDurable, .notEnrolled, .conflict, .storage: ExitCode(1)
        }
    }
}
