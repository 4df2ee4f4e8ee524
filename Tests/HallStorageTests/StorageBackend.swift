import Foundation
import GRDB
import HallServer
import KioskTestSupport
import Logging
import Testing

/// The two stores the shared suite runs against. PostgreSQL is listed whenever Debian's
/// `postgresql` package is installed (install-deps installs it), so nothing is skipped there.
enum StorageBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [StorageBackend] { PostgresServer.isInstalled ? allCases : [.sqlite] }

    var testDescription: String { rawValue }
}

/// One test's empty database on one backend: a SQLite file in a temporary directory, or a new
/// database on the suite's private PostgreSQL server (`PrivatePostgres`).
struct StorageFixture: Sendable {
    let backend: StorageBackend
    let location: HallStorageLocation
    let directory: TemporaryDirectory
    /// The PostgreSQL database's name (postgres only).
    let databaseName: String

    static let logger = Logger(label: "hall-storage-test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func make(_ backend: StorageBackend) async throws -> StorageFixture {
        let directory = try TemporaryDirectory("hall-storage")
        switch backend {
        case .sqlite:
            return StorageFixture(backend: backend, location: .sqlite(path: directory.file("hall.sqlite")), directory: directory, databaseName: "")
        case .postgres:
            let server = try #require(PrivatePostgres.server, "The suite needs the PrivatePostgres trait.")
            let name = "hall_" + UUID().uuidString.prefix(8).lowercased()
            try await server.createDatabase(name)
            return StorageFixture(backend: backend, location: .postgres(try PostgresLocation(url: server.socketURL(name))), directory: directory, databaseName: name)
        }
    }

    /// Opens the store (migrating it), runs `body`, closes it.
    @discardableResult
    func withStore<T: Sendable>(_ body: (any HallStorage) async throws -> T) async throws -> T {
        try await location.withStorage(logger: Self.logger, body)
    }

    /// Marks the database as migrated by a kiosk-hall newer than this one.
    func pretendNewerSchema() async throws {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
            try queue.close()
        case .postgres:
            try await PrivatePostgres.server!.psql(databaseName, "INSERT INTO kiosk_hall_schema (version, name) VALUES (99, 'from the future')")
        }
    }

    /// Gives the empty database another application's table.
    func makeOtherApplications() async throws {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)") }
            try queue.close()
        case .postgres:
            try await PrivatePostgres.server!.psql(databaseName, "CREATE TABLE invoice (id integer PRIMARY KEY, total numeric)")
        }
    }

    /// The names of the database's tables.
    func tables() async throws -> [String] {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try await queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        case .postgres:
            return try await PrivatePostgres.server!.psql(databaseName, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .split(separator: "\n").map(String.init)
        }
    }
}

/// Starts one private PostgreSQL server for the suite it is attached to and stops it at the
/// suite's end; tests reach it through `PrivatePostgres.server`.
struct PrivatePostgres: SuiteTrait, TestScoping {
    @TaskLocal static var server: PostgresServer?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard PostgresServer.isInstalled else { return try await function() }
        let server = try await PostgresServer.start()
        do {
            try await Self.$server.withValue(server) { try await function() }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

extension Trait where Self == PrivatePostgres {
    static var privatePostgres: Self { PrivatePostgres() }
}
