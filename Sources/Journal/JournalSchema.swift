import GRDB

/// The journal's tables. Migrations are append-only: never edit one that has shipped.
enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events") { db in
            // One row: which kiosk this journal belongs to, and the last sequence number handed
            // out. Kept apart from the events so that pruning synced events never lets a number
            // be handed out twice.
            try db.execute(sql: """
                CREATE TABLE journal_identity (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    kiosk_id TEXT NOT NULL,
                    created_at_ms INTEGER NOT NULL,
                    last_sequence INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE event (
                    sequence INTEGER PRIMARY KEY,
                    uuid TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    occurred_at_ms INTEGER NOT NULL,
                    payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
                    synced_at_ms INTEGER
                );
                CREATE INDEX event_unsynced ON event(sequence) WHERE synced_at_ms IS NULL;
                """)
        }
        return migrator
    }
}
