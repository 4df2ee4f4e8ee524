import GRDB

/// The hall's tables. Migrations are append-only: never edit one that has shipped.
enum HallSchema {
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
