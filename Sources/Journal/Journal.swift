import Foundation
import GRDB
import KioskValues

/// The kiosk's local transaction journal: an SQLite file in WAL mode with synchronous=FULL, so
/// that an event is on disk (fsynced) before `append` returns and before the citizen is told.
///
/// Writes go through GRDB's serial writer queue, never the Swift concurrency pool.
public final class Journal: Sendable {
    public let path: String
    public let kioskID: String
    // Internal, not private: the sync extensions in Journal+Sync.swift use it.
    let pool: DatabasePool

    /// Opens (creating if needed) the journal at `path` for `kioskID`.
    ///
    /// Blocks while SQLite opens the file and runs migrations: call it from a thread that may
    /// block (kioskd uses NIO's blocking pool), not from the Swift concurrency pool.
    /// - Throws: `JournalError` with `.cannotOpen`, `.wrongKiosk` or `.notDurable`.
    public init(path: String, kioskID: String) throws(JournalError) {
        self.path = path
        self.kioskID = kioskID
        var configuration = Configuration()
        configuration.label = "kioskd.journal"
        // Another process (kioskctl, a backup) may hold a read lock briefly; wait, don't fail.
        configuration.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw JournalError(code: .cannotOpen, message: "Unable to open the journal at '\(path)': \(Self.reason(error)). Check the state directory's permissions and free space; if the file is damaged, move it aside (the hall keeps what was synced).")
        }
        do {
            try JournalSchema.migrator.migrate(pool)
        } catch {
            try? pool.close()
            throw JournalError(code: .cannotOpen, message: "'\(path)' is not a kioskd journal or is damaged: \(Self.reason(error)). Move it aside and restart kioskd; the hall keeps what was synced.")
        }
        try makeDurable()
        try claim(for: kioskID)
    }

    /// GRDB's pool sets synchronous=NORMAL on its writer, which in WAL mode does not fsync each
    /// commit: a power cut would lose the last events. Set FULL on the writer and read it back.
    private func makeDurable() throws(JournalError) {
        let mode: Int?
        do {
            mode = try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try Int.fetchOne(db, sql: "PRAGMA synchronous")
            }
        } catch {
            throw JournalError(code: .notDurable, message: "Unable to set synchronous=FULL on '\(path)': \(Self.reason(error)).")
        }
        guard mode == 2 else {
            try? pool.close()
            throw JournalError(code: .notDurable, message: "SQLite kept synchronous=\(mode.map(String.init) ?? "?") on '\(path)' instead of FULL (2); refusing to run without durable commits.")
        }
    }

    /// Records the kiosk id in a new journal, or checks it in an existing one: a journal copied
    /// from another kiosk would send that kiosk's sequence numbers to the hall under this id.
    private func claim(for kioskID: String) throws(JournalError) {
        let owner: String?
        do {
            owner = try pool.write { db -> String? in
                if let owner = try String.fetchOne(db, sql: "SELECT kiosk_id FROM journal_identity WHERE id = 1") {
                    return owner
                }
                try db.execute(
                    sql: "INSERT INTO journal_identity (id, kiosk_id, created_at_ms, last_sequence) VALUES (1, ?, ?, 0)",
                    arguments: [kioskID, Self.milliseconds(Date())])
                return kioskID
            }
        } catch {
            throw JournalError(code: .cannotOpen, message: "Unable to read the journal's identity in '\(path)': \(Self.reason(error)).")
        }
        guard owner == kioskID else {
            try? pool.close()
            throw JournalError(code: .wrongKiosk, message: "The journal at '\(path)' belongs to kiosk '\(owner ?? "?")', not '\(kioskID)'. Fix kiosk_id in the configuration, or move the journal aside if this terminal was renamed.")
        }
    }

    // MARK: Writing

    /// Appends one event and returns it once the commit is on disk.
    /// - Parameter payload: encoded as a JSON object. A payload holding a full resident ID
    ///   number is refused (`.refusedPayload`) and nothing is written.
    @discardableResult
    public func append(_ kind: JournalEventKind, payload: some Encodable & Sendable, at date: Date = Date()) async throws(JournalError) -> JournalEvent {
        let json = try Self.encode(payload, kind: kind)
        return try await append(kind, json: json, at: date)
    }

    /// Appends an event whose payload is already JSON text (an object).
    @discardableResult
    public func append(_ kind: JournalEventKind, json: String, at date: Date = Date()) async throws(JournalError) -> JournalEvent {
        if let place = PersonalData.residentIDNumberPlace(inJSON: json) {
            throw JournalError(code: .refusedPayload, message: "Refused a '\(kind)' event: its payload holds a full ID number (in \(place)). Store the masked number or the keyed hash instead.")
        }
        let id = UUID()
        let occurredAt = Self.milliseconds(date)
        do {
            return try await pool.write { db in
                // Cached statements: compiling the SQL on every append cost more than the insert.
                let bump = try db.cachedStatement(sql: "UPDATE journal_identity SET last_sequence = last_sequence + 1 WHERE id = 1 RETURNING last_sequence")
                let sequence = try Int64.fetchOne(bump)!
                let insert = try db.cachedStatement(sql: "INSERT INTO event (sequence, uuid, kind, occurred_at_ms, payload) VALUES (?, ?, ?, ?, ?)")
                try insert.execute(arguments: [sequence, id.uuidString, kind.rawValue, occurredAt, json])
                return JournalEvent(sequence: sequence, id: id, kind: kind, occurredAt: Self.date(occurredAt), payload: json, syncedAt: nil)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw JournalError(code: .refusedPayload, message: "Refused a '\(kind)' event: its payload is not a JSON object.")
        } catch {
            throw JournalError(code: .storage, message: "Unable to write a '\(kind)' event to '\(path)': \(Self.reason(error)). Check free space on the state directory's disk.")
        }
    }

    /// Marks every event up to and including `sequence` as acknowledged by the hall.
    public func markSynced(through sequence: Int64, at date: Date = Date()) async throws(JournalError) {
        let syncedAt = Self.milliseconds(date)
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE event SET synced_at_ms = ? WHERE sequence <= ? AND synced_at_ms IS NULL",
                    arguments: [syncedAt, sequence])
            }
        } catch {
            throw JournalError(code: .storage, message: "Unable to mark events synced in '\(path)': \(Self.reason(error)).")
        }
    }

    // MARK: Reading

    /// Events not yet acknowledged by the hall, oldest first.
    public func unsyncedEvents(limit: Int) async throws(JournalError) -> [JournalEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE synced_at_ms IS NULL ORDER BY sequence LIMIT ?", arguments: [limit])
                .map(Self.event(from:))
        }
    }

    /// Events from `sequence` on (inclusive), synced or not, oldest first.
    public func events(from sequence: Int64 = 1, limit: Int) async throws(JournalError) -> [JournalEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE sequence >= ? ORDER BY sequence LIMIT ?", arguments: [sequence, limit])
                .map(Self.event(from:))
        }
    }

    /// How many events of each kind happened at or after `since`.
    public func countsByKind(since: Date) async throws(JournalError) -> [String: Int] {
        try await read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM event WHERE occurred_at_ms >= ? GROUP BY kind",
                                        arguments: [Int64(since.timeIntervalSince1970 * 1000)]) {
                counts[row["kind"]] = row["n"]
            }
            return counts
        }
    }

    /// Events that happened at or after `since`, oldest first, at most `limit`.
    public func events(since: Date, limit: Int) async throws(JournalError) -> [JournalEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE occurred_at_ms >= ? ORDER BY sequence LIMIT ?",
                             arguments: [Int64(since.timeIntervalSince1970 * 1000), limit])
                .map(Self.event(from:))
        }
    }

    /// Events of one kind that happened at or after `since`, oldest first (a scan: for start-up).
    public func events(kind: JournalEventKind, since: Date, limit: Int) async throws(JournalError) -> [JournalEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE kind = ? AND occurred_at_ms >= ? ORDER BY sequence LIMIT ?",
                             arguments: [kind.rawValue, Int64(since.timeIntervalSince1970 * 1000), limit])
                .map(Self.event(from:))
        }
    }

    public func counts() async throws(JournalError) -> JournalCounts {
        try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event")!
            let unsynced = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MIN(occurred_at_ms) AS oldest FROM event WHERE synced_at_ms IS NULL")!
            let lastSequence = try Int64.fetchOne(db, sql: "SELECT last_sequence FROM journal_identity WHERE id = 1") ?? 0
            let oldest: Int64? = unsynced["oldest"]
            return JournalCounts(total: total, unsynced: unsynced["n"], oldestUnsyncedAt: oldest.map(Self.date), lastSequence: lastSequence)
        }
    }

    /// `PRAGMA synchronous` as the writer connection sees it: 2 (FULL) while the journal is open.
    public func writerSynchronousMode() async throws(JournalError) -> Int {
        do {
            return try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous")! }
        } catch {
            throw JournalError(code: .storage, message: "Unable to read PRAGMA synchronous: \(Self.reason(error)).")
        }
    }

    /// SQLite's `PRAGMA integrity_check`: ["ok"] for a sound file, otherwise one line per problem.
    public func integrityCheck() async throws(JournalError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Round-trips through the writer queue. The watchdog uses it: a journal whose writer is
    /// stuck (a hung disk) must stop the watchdog pings so that systemd restarts the daemon.
    public func checkWriterResponds() async throws(JournalError) {
        do {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: "SELECT 1") }
        } catch {
            throw JournalError(code: .storage, message: "The journal's writer failed: \(Self.reason(error)).")
        }
    }

    /// Writes the WAL back into the main file and closes every connection. Call once, at shutdown;
    /// blocks like `init`.
    public func close() throws(JournalError) {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try pool.close()
        } catch {
            throw JournalError(code: .storage, message: "Unable to close the journal at '\(path)' cleanly: \(Self.reason(error)). SQLite will recover it from the WAL at the next start.")
        }
    }

    // MARK: Helpers

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw JournalError(code: .storage, message: "Unable to read the journal at '\(path)': \(Self.reason(error)).")
        }
    }

    private static func encode(_ payload: some Encodable, kind: JournalEventKind) throws(JournalError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(payload), as: UTF8.self)
        } catch {
            throw JournalError(code: .refusedPayload, message: "Refused a '\(kind)' event: its payload cannot be encoded as JSON (\(error)).")
        }
    }

    private static func event(from row: Row) throws -> JournalEvent {
        let syncedAt: Int64? = row["synced_at_ms"]
        guard let id = UUID(uuidString: row["uuid"]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "event \(row["sequence"] as Int64) has a malformed uuid")
        }
        return JournalEvent(
            sequence: row["sequence"],
            id: id,
            kind: JournalEventKind(rawValue: row["kind"]),
            occurredAt: date(row["occurred_at_ms"]),
            payload: row["payload"],
            syncedAt: syncedAt.map(date))
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
