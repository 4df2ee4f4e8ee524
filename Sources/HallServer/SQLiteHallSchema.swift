import Foundation
import GRDB

/// The hall's tables in SQLite. Migrations are append-only: never edit one that has shipped.
/// GRDB records the applied ones in `grdb_migrations`; `PostgresHallSchema` keeps the same tables.
enum SQLiteHallSchema {
    /// The first migration: a `grdb_migrations` table without it belongs to another application.
    static let firstMigration = "v1: kiosks and events"

    /// Refuses, before anything writes to it, a file that is another application's database or a
    /// newer kiosk-hall's (one with migrations this binary does not know). A missing or empty
    /// file is fine: migrating creates it.
    static func checkCompatible(path: String) throws(HallStoreError) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 else { return }
        let known = Set(migrator.migrations)
        let verdict: (applied: [String], tables: Int)
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            verdict = try queue.read { db in
                let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
                let applied = try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (applied, tables)
            }
        } catch {
            throw HallStoreError(code: .incompatible, message: "'\(path)' is not a SQLite database kiosk-hall can read (\(SQLiteHallStore.reason(error))). Pass --state-directory for the hall's own directory, or move the file away.")
        }
        if verdict.applied.isEmpty {
            guard verdict.tables == 0 else {
                throw HallStoreError(code: .incompatible, message: "'\(path)' holds another application's tables, not a kiosk-hall database; nothing was changed. Pass --state-directory for the hall's own directory, or move the file away.")
            }
            return
        }
        guard verdict.applied.contains(firstMigration) else {
            throw HallStoreError(code: .incompatible, message: "'\(path)' is another application's GRDB database, not a kiosk-hall database; nothing was changed. Pass --state-directory for the hall's own directory.")
        }
        let unknown = verdict.applied.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw HallStoreError(code: .incompatible, message: "'\(path)' was written by a newer kiosk-hall (schema '\(unknown.sorted().last ?? "")', this binary knows up to '\(migrator.migrations.last ?? "")'); nothing was changed. Install that kiosk-hall version or newer.")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: kiosks and events") { db in
            try db.execute(sql: """
                -- One row per enrolled kiosk. contiguous_sequence is the highest sequence such
                -- that every event 1...it is stored: what the hall acknowledges.
                CREATE TABLE kiosk (
                    kiosk_id TEXT PRIMARY KEY,
                    enrolled_at_ms INTEGER NOT NULL,
                    contiguous_sequence INTEGER NOT NULL DEFAULT 0,
                    last_contact_ms INTEGER,
                    last_heartbeat TEXT
                );
                CREATE TABLE event (
                    kiosk_id TEXT NOT NULL REFERENCES kiosk(kiosk_id),
                    sequence INTEGER NOT NULL,
                    uuid TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    occurred_at_ms INTEGER NOT NULL,
                    payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
                    received_at_ms INTEGER NOT NULL,
                    PRIMARY KEY (kiosk_id, sequence)
                ) WITHOUT ROWID;
                CREATE INDEX event_by_time ON event(occurred_at_ms);
                """)
        }
        migrator.registerMigration("v2: tickets and case progress") { db in
            try db.execute(sql: """
                -- Queue numbers: per day and category, shared by all kiosks. request_id makes a
                -- repeated request return the number it already got.
                CREATE TABLE ticket (
                    for_date TEXT NOT NULL,
                    category TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    request_id TEXT NOT NULL UNIQUE,
                    kiosk_id TEXT NOT NULL,
                    issued_at_ms INTEGER NOT NULL,
                    PRIMARY KEY (for_date, category, number)
                );
                CREATE TABLE case_progress (
                    case_number TEXT PRIMARY KEY,
                    status TEXT NOT NULL,
                    next_step TEXT NOT NULL,
                    updated_at_ms INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3: certificate serials") { db in
            // The serial of the certificate last issued to each kiosk: an older certificate
            // (re-enrolled kiosk) or a revoked kiosk (NULL) is refused.
            try db.execute(sql: "ALTER TABLE kiosk ADD COLUMN certificate_serial TEXT")
        }
        migrator.registerMigration("v4: bookings") { db in
            try db.execute(sql: """
                -- Bookings from the booking system (kiosk-hall import-bookings). holder is the
                -- keyed hash of the ID number, never the number. A check-in gives the booking its
                -- priority number, once: request_id and number stay.
                CREATE TABLE booking (
                    code TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    for_date TEXT NOT NULL,
                    category TEXT NOT NULL,
                    service_id TEXT NOT NULL,
                    number INTEGER,
                    request_id TEXT,
                    kiosk_id TEXT,
                    checked_in_at_ms INTEGER
                );
                CREATE INDEX booking_by_holder ON booking(holder, for_date);
                """)
        }
        return migrator
    }
}
