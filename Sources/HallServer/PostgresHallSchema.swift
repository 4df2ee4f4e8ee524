import Logging
import PostgresNIO

/// The hall's tables in PostgreSQL: the same as SQLite's (`SQLiteHallSchema`), plus the daily
/// counters that let several hall instances number tickets and check-ins. `kiosk_hall_schema`
/// holds one row per applied migration. Migrations are append-only: never edit one that shipped.
enum PostgresHallSchema {
    struct Migration {
        var version: Int
        var name: String
        /// One statement each: the extended protocol takes no lists.
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "kiosks, events, tickets, case progress, bookings, counters", statements: [
            """
            CREATE TABLE kiosk (
                kiosk_id text PRIMARY KEY,
                enrolled_at_ms bigint NOT NULL,
                -- The highest sequence such that every event 1...it is stored: what the hall acknowledges.
                contiguous_sequence bigint NOT NULL DEFAULT 0,
                last_contact_ms bigint,
                last_heartbeat text,
                -- NULL: revoked.
                certificate_serial text
            )
            """,
            """
            CREATE TABLE event (
                kiosk_id text NOT NULL REFERENCES kiosk (kiosk_id),
                sequence bigint NOT NULL,
                uuid text NOT NULL,
                kind text NOT NULL,
                occurred_at_ms bigint NOT NULL,
                -- json, not jsonb: kept byte for byte, and jsonb refuses \\u0000.
                payload text NOT NULL CHECK (json_typeof(payload::json) = 'object'),
                received_at_ms bigint NOT NULL,
                PRIMARY KEY (kiosk_id, sequence)
            )
            """,
            "CREATE INDEX event_by_time ON event (occurred_at_ms)",
            """
            CREATE TABLE ticket (
                for_date text NOT NULL,
                category text NOT NULL,
                number bigint NOT NULL,
                request_id text NOT NULL UNIQUE,
                kiosk_id text NOT NULL,
                issued_at_ms bigint NOT NULL,
                PRIMARY KEY (for_date, category, number)
            )
            """,
            """
            CREATE TABLE case_progress (
                case_number text PRIMARY KEY,
                status text NOT NULL,
                next_step text NOT NULL,
                updated_at_ms bigint NOT NULL
            )
            """,
            """
            CREATE TABLE booking (
                code text PRIMARY KEY,
                holder text NOT NULL,
                for_date text NOT NULL,
                category text NOT NULL,
                service_id text NOT NULL,
                number bigint,
                request_id text,
                kiosk_id text,
                checked_in_at_ms bigint
            )
            """,
            "CREATE INDEX booking_by_holder ON booking (holder, for_date)",
            "CREATE INDEX booking_by_request ON booking (request_id)",
            """
            -- The last number given per day and category ('ticket' or 'checkin'). Incremented in
            -- the transaction that stores the number: a rolled-back request leaves no gap, and
            -- the row lock orders concurrent requests across instances.
            CREATE TABLE daily_counter (
                counter text NOT NULL,
                for_date text NOT NULL,
                category text NOT NULL,
                last_number bigint NOT NULL,
                PRIMARY KEY (counter, for_date, category)
            )
            """,
        ]),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Any constant: every kiosk-hall migrating this database takes the same lock, so that
    /// instances starting together apply each migration once.
    static let migrationLock: Int64 = 0x4B48_414C_4C53_4348  // "KHALLSCH"

    /// Applies the migrations this database lacks, in one transaction. Refuses a database that
    /// holds other tables but no `kiosk_hall_schema` (another application's), or one migrated
    /// by a newer kiosk-hall, changing nothing.
    static func migrate(_ connection: PostgresConnection, location: PostgresLocation, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            var hasSchemaTable = false
            var otherTables = 0
            let tables = try await connection.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", logger: logger)
            for try await name in tables.decode(String.self) {
                if name == "kiosk_hall_schema" { hasSchemaTable = true } else { otherTables += 1 }
            }
            if !hasSchemaTable {
                guard otherTables == 0 else {
                    throw HallStoreError(code: .incompatible, message: "The database '\(location)' holds \(otherTables) tables of another application and no kiosk_hall_schema; nothing was changed. Create an empty database for the hall (createdb) and name it in --database.")
                }
                try await connection.query("CREATE TABLE kiosk_hall_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", logger: logger)
            }
            var applied = 0
            for try await version in try await connection.query("SELECT COALESCE(MAX(version), 0) FROM kiosk_hall_schema", logger: logger).decode(Int.self) {
                applied = version
            }
            guard applied <= latestVersion else {
                throw HallStoreError(code: .incompatible, message: "The database '\(location)' was migrated by a newer kiosk-hall (schema version \(applied); this binary knows up to \(latestVersion)); nothing was changed. Install that kiosk-hall version or newer.")
            }
            for migration in migrations where migration.version > applied {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO kiosk_hall_schema (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
                logger.notice("Migrated the hall's database", metadata: ["db.url": "\(location)", "db.schema": "\(migration.version)"])
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
