import Foundation
import GRDB

/// Reads the hall's SQLite file directly (read-only), to check what kiosk-hall stored.
struct HallDatabase {
    let path: String

    struct StoredEvent: Equatable, Sendable {
        var sequence: Int64
        var id: String
    }

    func events(kioskID: String) throws -> [StoredEvent] {
        try withQueue { db in
            try Row.fetchAll(db, sql: "SELECT sequence, uuid FROM event WHERE kiosk_id = ? ORDER BY sequence", arguments: [kioskID])
                .map { StoredEvent(sequence: $0["sequence"], id: $0["uuid"]) }
        }
    }

    /// When the hall received each event, in sequence order (milliseconds).
    func receivedTimes(kioskID: String) throws -> [Int64] {
        try withQueue { db in try Int64.fetchAll(db, sql: "SELECT received_at_ms FROM event WHERE kiosk_id = ? ORDER BY sequence", arguments: [kioskID]) }
    }

    func integrityCheck() throws -> [String] {
        try withQueue { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    func eventCount() throws -> Int {
        try withQueue { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }

    func lastHeartbeat(kioskID: String) throws -> String? {
        try withQueue { db in try String.fetchOne(db, sql: "SELECT last_heartbeat FROM kiosk WHERE kiosk_id = ?", arguments: [kioskID]) }
    }

    private func withQueue<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }
}

/// Checks `condition` every 50 ms until it holds; false if it still did not after `timeout`.
/// The timeout only catches hangs: tests never rely on how fast something happens.
func eventually(timeout: Duration = .seconds(90), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
