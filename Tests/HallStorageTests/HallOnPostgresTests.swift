import Foundation
import HallProtocol
import HallSync
import KioskTestSupport
import Testing

/// The real kiosk-hall on a private PostgreSQL: two instances on one database, and the
/// command line's answers to a wrong URL, password, server or database.
@Suite(.privatePostgres, .enabled(if: PostgresServer.isInstalled, "needs Debian's postgresql package (scripts/install-deps.sh)"))
struct HallOnPostgresTests {
    static let catalog = #"{"version":1,"services":[],"ticketCategories":[{"prefix":"A","name":"综合"}]}"#

    static func newDatabase() async throws -> (server: PostgresServer, url: String, name: String) {
        let server = try #require(PrivatePostgres.server)
        let name = "hall_" + UUID().uuidString.prefix(8).lowercased()
        try await server.createDatabase(name)
        return (server, server.socketURL(name), name)
    }

    static func client(_ hall: HallInstance, _ kioskID: String) throws -> HallClient {
        let folder = hall.directory.file(kioskID)
        return try HallClient(baseURL: hall.url, kioskID: kioskID, certificatePath: "\(folder)/\(kioskID).pem", keyPath: "\(folder)/\(kioskID)-key.pem", caPath: "\(folder)/hall-ca.pem")
    }

    /// Should give 200 concurrent ticket requests spread over two instances 200 distinct
    /// consecutive numbers, and store a batch posted to both instances at once exactly once
    @Test func twoInstancesOnOneDatabase() async throws {
        let (server, url, name) = try await Self.newDatabase()
        let directory = try TemporaryDirectory("hall-two-instances")
        let catalog = try directory.write("catalog.json", Self.catalog)
        // One state directory: both instances serve with the same CA and server certificate.
        let first = try HallInstance(directory: directory, extraArguments: ["--catalog", catalog], databaseArguments: ["--database", url])
        let second = try HallInstance(directory: directory, extraArguments: ["--catalog", catalog], databaseArguments: ["--database", url])
        try await first.enroll("K-A")
        try await first.enroll("K-B")
        try await first.start()
        try await second.start()
        let clients = [try Self.client(first, "K-A"), try Self.client(second, "K-A"), try Self.client(first, "K-B"), try Self.client(second, "K-B")]
        do {
            try await Self.exercise(clients, server: server, database: name)
        } catch {
            // A client must be shut down before it goes away, or AsyncHTTPClient stops the whole
            // test process; and the halls' logs say what the error was about.
            Issue.record("\(error)\nfirst hall:\n\(first.process?.standardError.suffix(3000) ?? "")\nsecond hall:\n\(second.process?.standardError.suffix(3000) ?? "")")
        }
        for client in clients { await client.shutdown() }
        #expect(await first.stop() == 0)
        #expect(await second.stop() == 0)
    }

    static func exercise(_ clients: [HallClient], server: PostgresServer, database name: String) async throws {
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                let client = clients[index % clients.count]
                group.addTask { try await client.ticket(category: "A", forDate: "2026-03-02", requestID: UUID().uuidString).number }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(numbers.sorted() == (1...200).map { String(format: "A%03d", $0) })

        // Five batches, each posted to both instances at the same moment.
        var stored = 0
        for round in 0..<5 {
            let start = Int64(round * 100 + 1)
            let batch = EventBatch(kioskID: "K-A", events: (start...(start + 99)).map {
                WireEvent(sequence: $0, id: UUID().uuidString, kind: EventKinds.sessionStarted, occurredAtMs: 1_772_409_600_000 + $0, payload: "{}")
            })
            let answers = try await withThrowingTaskGroup(of: BatchAcknowledgement.self) { group in
                for client in clients.prefix(2) { group.addTask { try await client.send(batch) } }
                return try await group.reduce(into: [BatchAcknowledgement]()) { $0.append($1) }
            }
            #expect(answers.map(\.highestContiguousSequence) == [start + 99, start + 99])
            stored += answers.map(\.stored).reduce(0, +)
        }
        #expect(stored == 500)
        let counted = try await server.psql(name, "SELECT COUNT(*), COUNT(DISTINCT sequence), MIN(sequence), MAX(sequence) FROM event WHERE kiosk_id = 'K-A'")
        #expect(counted.trimmingCharacters(in: .whitespacesAndNewlines) == "500|500|1|500")
    }

    /// Runs `kiosk-hall <arguments> --state-directory <fresh>`; returns the status, stderr and
    /// whether the state directory exists afterwards.
    static func kioskHall(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, standardError: String, wroteState: Bool) {
        let directory = try TemporaryDirectory("hall-bad-database")
        let state = directory.file("state")
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), arguments + ["--state-directory", state], environment: environment, in: directory.path)
        return (result.status, result.standardError, FileManager.default.fileExists(atPath: state))
    }

    /// Should refuse each wrong database with one line naming it and the fix, exit 78 for what
    /// the options must fix and 69 for a server that is not there, writing nothing
    @Test func badDatabasesAreRefusedWithOneLine() async throws {
        let (server, _, name) = try await Self.newDatabase()
        let tcp = server.tcpURL(name)
        let nobodyListens = "postgres://postgres@127.0.0.1:\(try FreePort.pick())/\(name)?sslmode=disable"
        let noPassword = ["PGPASSWORD": ""]
        let files = try TemporaryDirectory("hall-bad-database-files")
        let noRecords = try files.write("progress.json", "[]")
        let cases: [(arguments: [String], environment: [String: String], status: Int32, says: String)] = [
            (["enroll", "K-1", "--database", "mysql://db.example/hall"], [:], 78, "is not a postgres:// URL"),
            (["enroll", "K-1", "--database", "postgres://hall:s3cret@127.0.0.1/hall"], [:], 78, "--database-password-file"),
            (["enroll", "K-1", "--database", tcp + "&sslmod=require"], [:], 78, "'sslmod'"),
            (["enroll", "K-1", "--database", tcp], ["PGPASSWORD": "wrong"], 78, "refused the login"),
            (["revoke", "K-1", "--database", tcp], noPassword, 78, "asks for a password"),
            (["report", "--date", "2026-03-02", "--database", server.socketURL("no_such_db")], [:], 78, "does not exist"),
            (["import-progress", noRecords, "--database", nobodyListens], [:], 69, "Unable to reach the database"),
            (["serve", "--port", "0", "--database", server.tcpURL(name).replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")], ["PGPASSWORD": PostgresServer.password], 78, "offers no TLS"),
        ]
        for (arguments, environment, status, says) in cases {
            let result = try await Self.kioskHall(arguments, environment: environment)
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(says), "\(arguments): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("s3cret") && !result.standardError.contains("wrong"))
            #expect(!result.wroteState, "\(arguments) wrote its state directory")
        }
        #expect(try await server.psql(name, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// Should serve from a database reached over TCP with the password from a file, and refuse
    /// to start on a database that a newer kiosk-hall migrated (exit 78)
    @Test func passwordFileAndNewerSchema() async throws {
        let (server, _, name) = try await Self.newDatabase()
        let directory = try TemporaryDirectory("hall-password-file")
        let passwordFile = try directory.write("password", PostgresServer.password + "\n")
        chmod(passwordFile, 0o600)
        let hall = try HallInstance(directory: directory, databaseArguments: ["--database", server.tcpURL(name), "--database-password-file", passwordFile],
                                    environment: ["PGPASSWORD": "not-this-one"])
        try await hall.enroll("K-A")
        try await hall.start()
        let client = try Self.client(hall, "K-A")
        #expect(try await client.syncState().highestContiguousSequence == 0)
        await client.shutdown()
        #expect(await hall.stop() == 0)

        try await server.psql(name, "INSERT INTO kiosk_hall_schema (version, name) VALUES (99, 'from the future')")
        let refused = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["serve", "--port", "0", "--state-directory", hall.stateDirectory,
                                                                                  "--database", server.socketURL(name)], in: directory.path)
        #expect(refused.status == 78)
        #expect(refused.standardError.contains("newer kiosk-hall") && refused.standardError.contains(name), "\(refused.standardError)")
    }
}
