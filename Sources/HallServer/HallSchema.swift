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
        return migrator
    }
}
