import Foundation
import GRDB
import HallProtocol

/// The hall's SQLite database (the default store): every kiosk's events, stored once per (kiosk,
/// sequence), and what each kiosk last said about itself. WAL with synchronous=FULL: an
/// acknowledgement is only sent after the events are on disk, so a kill -9 or a power cut never
/// loses acknowledged events. One hall instance per file: numbers come from MAX()+1 inside
/// SQLite's single writer.
public final class SQLiteHallStore: HallStorage {
    public let path: String
    let pool: DatabasePool

    public var location: String { path }

    /// Opens (creating if needed) the store and applies its migrations. A file of another
    /// application or of a newer kiosk-hall is refused (`.incompatible`) before anything is
    /// written to it. Blocks: call it from a thread that may block.
    public init(path: String) throws(HallStoreError) {
        self.path = path
        try SQLiteHallSchema.checkCompatible(path: path)
        var configuration = Configuration()
        configuration.label = "kiosk-hall.store"
        configuration.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteHallSchema.migrator.migrate(pool)
        } catch {
            throw HallStoreError(code: .cannotOpen, message: "Unable to open the hall's database at '\(path)': \(Self.reason(error)). Check the state directory's permissions and free space.")
        }
        // GRDB's pool sets synchronous=NORMAL on its writer, which in WAL mode does not fsync
        // each commit. Set FULL and read it back.
        let mode: Int? = try? pool.writeWithoutTransaction { db -> Int? in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            return try Int.fetchOne(db, sql: "PRAGMA synchronous")
        } ?? nil
        guard mode == 2 else {
            try? pool.close()
            throw HallStoreError(code: .notDurable, message: "SQLite kept synchronous=\(mode.map(String.init) ?? "?") on '\(path)' instead of FULL (2); refusing to acknowledge events without durable commits.")
        }
    }

    // MARK: Kiosks

    /// Records a kiosk as enrolled with the serial of its new certificate; enrolling again keeps
    /// its events and sequence and makes its older certificates useless.
    public func enroll(kioskID: String, certificateSerial: String, at date: Date) async throws(HallStoreError) {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO kiosk (kiosk_id, enrolled_at_ms, certificate_serial) VALUES (?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET certificate_serial = excluded.certificate_serial",
                    arguments: [kioskID, Self.milliseconds(date), certificateSerial])
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to enroll '\(kioskID)' in '\(path)': \(Self.reason(error)).")
        }
    }

    /// Refuses every certificate of the kiosk from now on (its events stay). False if unknown.
    public func revoke(kioskID: String) async throws(HallStoreError) -> Bool {
        do {
            return try await pool.write { db in
                try db.execute(sql: "UPDATE kiosk SET certificate_serial = NULL WHERE kiosk_id = ?", arguments: [kioskID])
                return db.changesCount > 0
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to revoke '\(kioskID)' in '\(path)': \(Self.reason(error)).")
        }
    }

    /// The serial of the kiosk's current certificate; nil when the kiosk is unknown or revoked.
    public func certificateSerial(kioskID: String) async throws(HallStoreError) -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT certificate_serial FROM kiosk WHERE kiosk_id = ?", arguments: [kioskID]) }
    }

    // MARK: Events

    /// Stores the batch's events that are new and returns what the hall now holds contiguously.
    /// The batch must already be validated (`EventBatchValidator`). A sequence stored before with
    /// another event id throws `.conflict`, and nothing of the batch is stored.
    public func ingest(_ batch: EventBatch, at date: Date) async throws(HallStoreError) -> BatchAcknowledgement {
        let receivedAt = Self.milliseconds(date)
        let kioskID = batch.kioskID
        do {
            return try await pool.write { db in
                guard var contiguous = try Int64.fetchOne(db, sql: "SELECT contiguous_sequence FROM kiosk WHERE kiosk_id = ?", arguments: [kioskID]) else {
                    throw HallStoreError(code: .notEnrolled, message: "Kiosk '\(kioskID)' is not enrolled at this hall.")
                }
                let lookup = try db.cachedStatement(sql: "SELECT uuid FROM event WHERE kiosk_id = ? AND sequence = ?")
                let insert = try db.cachedStatement(sql: "INSERT INTO event (kiosk_id, sequence, uuid, kind, occurred_at_ms, payload, received_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")
                var stored = 0
                for event in batch.events {
                    // Below the contiguous mark everything is stored: only check the id.
                    if let existing = try String.fetchOne(lookup, arguments: [kioskID, event.sequence]) {
                        guard existing == event.id else {
                            throw HallStoreError(code: .conflict, message: "Kiosk '\(kioskID)' sent sequence \(event.sequence) as event \(event.id), but the hall holds it as event \(existing). Was the kiosk's journal replaced? Nothing of this batch was stored.")
                        }
                        continue
                    }
                    try insert.execute(arguments: [kioskID, event.sequence, event.id, event.kind, event.occurredAtMs, event.payload, receivedAt])
                    stored += 1
                }
                // The batch is consecutive and now wholly stored: it extends the contiguous run
                // if it starts at or before the run's next sequence.
                if let first = batch.events.first?.sequence, let last = batch.events.last?.sequence, first <= contiguous + 1, last > contiguous {
                    contiguous = last
                }
                // Events stored earlier out of order may continue the run.
                let next = try db.cachedStatement(sql: "SELECT 1 FROM event WHERE kiosk_id = ? AND sequence = ?")
                while try Bool.fetchOne(next, arguments: [kioskID, contiguous + 1]) ?? false {
                    contiguous += 1
                }
                try db.execute(sql: "UPDATE kiosk SET contiguous_sequence = ?, last_contact_ms = ? WHERE kiosk_id = ?", arguments: [contiguous, receivedAt, kioskID])
                return BatchAcknowledgement(kioskID: kioskID, highestContiguousSequence: contiguous, stored: stored)
            }
        } catch let error as HallStoreError {
            throw error
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to store events of '\(kioskID)' in '\(path)': \(Self.reason(error)).")
        }
    }

    /// What the hall holds of a kiosk's journal; nil for a kiosk never enrolled.
    public func acknowledgement(kioskID: String) async throws(HallStoreError) -> BatchAcknowledgement? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT contiguous_sequence FROM kiosk WHERE kiosk_id = ?", arguments: [kioskID])
                .map { BatchAcknowledgement(kioskID: kioskID, highestContiguousSequence: $0, stored: 0) }
        }
    }

    /// Every stored event of one kiosk, in sequence order (tests and tools).
    public func events(kioskID: String) async throws(HallStoreError) -> [WireEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE kiosk_id = ? ORDER BY sequence", arguments: [kioskID]).map(Self.wireEvent)
        }
    }

    /// Events of all kiosks that happened in [start, end), with their kiosk ids.
    public func events(from start: Date, to end: Date) async throws(HallStoreError) -> [HallKioskEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE occurred_at_ms >= ? AND occurred_at_ms < ? ORDER BY kiosk_id, sequence", arguments: [Self.milliseconds(start), Self.milliseconds(end)])
                .map { HallKioskEvent(kioskID: $0["kiosk_id"], event: Self.wireEvent($0)) }
        }
    }

    // MARK: Heartbeats

    public func recordHeartbeat(_ heartbeat: Heartbeat, json: String, at date: Date) async throws(HallStoreError) {
        do {
            try await pool.write { db in
                try db.execute(sql: "UPDATE kiosk SET last_contact_ms = ?, last_heartbeat = ? WHERE kiosk_id = ?", arguments: [Self.milliseconds(date), json, heartbeat.kioskID])
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to record a heartbeat of '\(heartbeat.kioskID)': \(Self.reason(error)).")
        }
    }

    public func kiosks() async throws(HallStoreError) -> [HallKioskRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM kiosk ORDER BY kiosk_id").map { row in
                let contact: Int64? = row["last_contact_ms"]
                return HallKioskRecord(kioskID: row["kiosk_id"], contiguousSequence: row["contiguous_sequence"], lastContact: contact.map(Self.date), lastHeartbeat: row["last_heartbeat"])
            }
        }
    }

    public func close() async throws {
        try pool.close()
    }

    /// For the command line's synchronous paths and tests.
    public func closeNow() throws {
        try pool.close()
    }

    // MARK: Helpers

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(HallStoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to read the hall's database at '\(path)': \(Self.reason(error)).")
        }
    }

    private static func wireEvent(_ row: Row) -> WireEvent {
        WireEvent(sequence: row["sequence"], id: row["uuid"], kind: row["kind"], occurredAtMs: row["occurred_at_ms"], payload: row["payload"])
    }

    static func milliseconds(_ date: Date) -> Int64 { HallStorageFormat.milliseconds(date) }
    static func date(_ milliseconds: Int64) -> Date { HallStorageFormat.date(milliseconds) }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
