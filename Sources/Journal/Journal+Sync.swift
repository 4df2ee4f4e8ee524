import Foundation
import GRDB

/// What the sync client needs of the journal beyond appending and marking: a signal when events
/// are appended, reconciliation with the hall, pruning and the journal's size.
extension Journal {
    /// Yields the last sequence handed out, now and after every append (never after a
    /// `markSynced` or a prune, which do not touch it). GRDB observes commits in-process through
    /// SQLite's hooks: nothing polls.
    public func lastSequenceUpdates() -> AsyncValueObservation<Int64> {
        ValueObservation
            .tracking { db in try Int64.fetchOne(db, sql: "SELECT last_sequence FROM journal_identity WHERE id = 1") ?? 0 }
            .removeDuplicates()
            .values(in: pool, bufferingPolicy: .bufferingNewest(1))
    }

    /// The highest sequence marked synced that is still in the journal, or nil.
    public func highestSyncedSequence() async throws(JournalError) -> Int64? {
        try await syncRead { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM event WHERE synced_at_ms IS NOT NULL") }
    }

    /// Marks events after `sequence` as not synced again, because the hall says it does not hold
    /// them (its database was restored from an older backup). Returns how many were reset and
    /// whether the journal still holds the event right after `sequence` (false: it was pruned,
    /// and the hall can no longer get it from this kiosk).
    public func markUnsynced(after sequence: Int64) async throws(JournalError) -> (reset: Int, nextStillHeld: Bool) {
        do {
            return try await pool.write { db in
                try db.execute(sql: "UPDATE event SET synced_at_ms = NULL WHERE sequence > ? AND synced_at_ms IS NOT NULL", arguments: [sequence])
                let reset = db.changesCount
                let held = try Bool.fetchOne(db, sql: "SELECT 1 FROM event WHERE sequence = ?", arguments: [sequence + 1]) ?? false
                return (reset, held)
            }
        } catch {
            throw JournalError(code: .storage, message: "Unable to mark events for re-sending in '\(path)': \(error).")
        }
    }

    /// Deletes events the hall acknowledged before `date`; never an unsynced one. Returns how
    /// many were deleted.
    @discardableResult
    public func pruneSynced(before date: Date) async throws(JournalError) -> Int {
        let cutoff = Self.milliseconds(date)
        do {
            return try await pool.write { db in
                try db.execute(sql: "DELETE FROM event WHERE synced_at_ms IS NOT NULL AND synced_at_ms < ?", arguments: [cutoff])
                return db.changesCount
            }
        } catch {
            throw JournalError(code: .storage, message: "Unable to prune synced events in '\(path)': \(error).")
        }
    }

    /// Deletes up to `count` of the oldest synced events, whatever their age: used when the
    /// journal outgrows its size limit. Returns how many were deleted.
    @discardableResult
    public func pruneOldestSynced(count: Int) async throws(JournalError) -> Int {
        do {
            return try await pool.write { db in
                try db.execute(sql: "DELETE FROM event WHERE sequence IN (SELECT sequence FROM event WHERE synced_at_ms IS NOT NULL ORDER BY sequence LIMIT ?)", arguments: [count])
                return db.changesCount
            }
        } catch {
            throw JournalError(code: .storage, message: "Unable to prune synced events in '\(path)': \(error).")
        }
    }

    /// Bytes the journal's pages hold, free pages excluded (SQLite reuses those before growing
    /// the file, so this is what the size limit is about).
    public func usedBytes() async throws(JournalError) -> Int64 {
        try await syncRead { db in
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            return (pages - free) * pageSize
        }
    }

    private func syncRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw JournalError(code: .storage, message: "Unable to read the journal at '\(path)': \(error).")
        }
    }
}
