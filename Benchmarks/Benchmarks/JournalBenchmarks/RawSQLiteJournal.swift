import CSQLiteRaw
import Foundation

/// The baseline: the same tables, pragmas and statements as `Journal.append`, through the SQLite
/// C API with prepared statements and nothing else. Journal's cost over this is what kioskd adds
/// (GRDB's queue, the privacy scan, UUIDs, async hops).
final class RawSQLiteJournal {
    private var db: OpaquePointer?
    private var statements: [OpaquePointer?] = []

    init(path: String) {
        check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil))
        execute("PRAGMA journal_mode = WAL")
        execute("PRAGMA synchronous = FULL")
        execute("""
            CREATE TABLE journal_identity (id INTEGER PRIMARY KEY CHECK (id = 1), kiosk_id TEXT NOT NULL, created_at_ms INTEGER NOT NULL, last_sequence INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE event (sequence INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, occurred_at_ms INTEGER NOT NULL,
                payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'), synced_at_ms INTEGER);
            CREATE INDEX event_unsynced ON event(sequence) WHERE synced_at_ms IS NULL;
            INSERT INTO journal_identity (id, kiosk_id, created_at_ms, last_sequence) VALUES (1, 'K-BENCH', 0, 0);
            """)
        for sql in [
            "BEGIN IMMEDIATE",
            "UPDATE journal_identity SET last_sequence = last_sequence + 1 WHERE id = 1 RETURNING last_sequence",
            "INSERT INTO event (sequence, uuid, kind, occurred_at_ms, payload) VALUES (?, ?, ?, ?, ?)",
            "COMMIT",
        ] {
            var statement: OpaquePointer?
            check(sqlite3_prepare_v2(db, sql, -1, &statement, nil))
            statements.append(statement)
        }
    }

    deinit {
        statements.forEach { sqlite3_finalize($0) }
        sqlite3_close(db)
    }

    /// One durable append: a transaction that is fsynced at COMMIT (synchronous=FULL).
    func append(uuid: String, kind: String, occurredAt: Int64, payload: String) {
        let (begin, bump, insert, commit) = (statements[0], statements[1], statements[2], statements[3])
        step(begin)
        guard sqlite3_step(bump) == SQLITE_ROW else { fatalError("no identity row") }
        let sequence = sqlite3_column_int64(bump, 0)
        sqlite3_reset(bump)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_int64(insert, 1, sequence)
        sqlite3_bind_text(insert, 2, uuid, -1, transient)
        sqlite3_bind_text(insert, 3, kind, -1, transient)
        sqlite3_bind_int64(insert, 4, occurredAt)
        sqlite3_bind_text(insert, 5, payload, -1, transient)
        step(insert)
        step(commit)
    }

    private func step(_ statement: OpaquePointer?) {
        let result = sqlite3_step(statement)
        guard result == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(db))) }
        sqlite3_reset(statement)
    }

    private func execute(_ sql: String) {
        check(sqlite3_exec(db, sql, nil, nil, nil))
    }

    private func check(_ result: Int32) {
        guard result == SQLITE_OK else { fatalError(String(cString: sqlite3_errmsg(db))) }
    }
}
