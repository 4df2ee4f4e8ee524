import CSQLiteRaw
import Foundation
import HallServer
import HallSync
import Journal
import Logging
import NIOCore

/// An in-process kiosk-hall on a loopback port with mutual TLS, the same setup `kiosk-hall serve`
/// builds, plus credentials for as many kiosks as the benchmark needs.
final class BenchmarkHall: Sendable {
    let directory: String
    let store: SQLiteHallStore
    let credentials: HallCredentials
    let port: Int
    let server: Task<Void, any Error>

    init(directory: String, kioskIDs: [String]) async throws {
        self.directory = directory
        credentials = HallCredentials(directory: directory + "/tls")
        try credentials.prepare(serverNames: ["localhost", "127.0.0.1"])
        store = try SQLiteHallStore(path: directory + "/hall.sqlite")
        for kioskID in kioskIDs {
            let issued = try credentials.issueKioskCertificate(kioskID: kioskID)
            try await store.enroll(kioskID: kioskID, certificateSerial: issued.serialNumber)
            try issued.certificatePEM.write(toFile: directory + "/\(kioskID).pem", atomically: true, encoding: .utf8)
            try issued.privateKeyPEM.write(toFile: directory + "/\(kioskID)-key.pem", atomically: true, encoding: .utf8)
        }
        var logger = Logger(label: "bench-hall")
        // Cancelling the server task at the end logs "Server shutdown error"; not a finding.
        logger.logLevel = .critical
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = try HallServerSetup.makeApplication(
            store: store, credentials: credentials, catalog: .empty, host: "127.0.0.1", port: 0, logger: logger,
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
        server = Task { try await application.runService() }
        var iterator = portStream.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    func client(for kioskID: String) throws -> HallClient {
        try HallClient(baseURL: "https://127.0.0.1:\(port)", kioskID: kioskID, certificatePath: directory + "/\(kioskID).pem", keyPath: directory + "/\(kioskID)-key.pem", caPath: credentials.caCertificatePath)
    }

    func stop() async {
        server.cancel()
        _ = try? await server.value
        try? store.closeNow()
    }
}

/// A kiosk journal holding `count` unsynced events, written in one transaction through the C API
/// (appending them one by one, each fsynced, would take minutes and is measured elsewhere).
func makeFilledJournal(path: String, kioskID: String, count: Int) throws -> Journal {
    try Journal(path: path, kioskID: kioskID).close()
    var db: OpaquePointer?
    guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else { fatalError("cannot open \(path)") }
    defer { sqlite3_close(db) }
    let sql = """
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
        INSERT INTO event (sequence, uuid, kind, occurred_at_ms, payload)
            SELECT i, printf('00000000-0000-4000-8000-%012X', i), 'ticket.issued', 1767000000000 + i * 1000,
                   '{"category":"A","masked_id":"530622********0026","number":"A' || (i % 1000) || '","window":"3F-B-12"}'
            FROM n;
        UPDATE journal_identity SET last_sequence = \(count) WHERE id = 1;
        COMMIT;
        """
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { fatalError(String(cString: sqlite3_errmsg(db))) }
    return try Journal(path: path, kioskID: kioskID)
}

func freshDirectory() -> String {
    let base = ProcessInfo.processInfo.environment["KIOSKD_BENCH_DIR"] ?? FileManager.default.currentDirectoryPath + "/.build/bench"
    let directory = base + "/" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
}
