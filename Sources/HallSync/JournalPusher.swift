import HallProtocol
import Journal
import Logging
import Synchronization

/// One push: sends the journal's unsynced events to the hall in sequence order, batch by batch,
/// marking each batch synced once the hall answered 200 (which it does only after the events are
/// on its disk). Sending a batch again after a crash is harmless: the hall stores by
/// (kiosk, sequence). Used by `HallSyncService` and by the benchmarks. A class: it remembers
/// gaps it cannot fill for as long as kioskd runs.
public final class JournalPusher: Sendable {
    let journal: Journal
    let client: HallClient
    let kioskID: String
    let batchSize: Int
    let logger: Logger
    /// Hall marks below a gap this journal can no longer fill (the events were pruned here).
    /// Re-sending everything after such a mark once is all we can do; doing it again after
    /// every batch would send the same events forever.
    private let unfillableGaps = Mutex<Set<Int64>>([])

    public init(journal: Journal, client: HallClient, kioskID: String, batchSize: Int, logger: Logger) {
        self.journal = journal
        self.client = client
        self.kioskID = kioskID
        self.batchSize = batchSize
        self.logger = logger
    }

    /// Sends batches until nothing is unsynced. Returns how many events were sent and the
    /// hall's last acknowledged contiguous sequence (nil if nothing was sent).
    public func pushAll() async throws -> (sent: Int, acknowledged: Int64?) {
        var sent = 0
        var acknowledged: Int64? = nil
        while !Task.isCancelled {
            let events = Self.capped(try await journal.unsyncedEvents(limit: batchSize))
            guard let first = events.first, let last = events.last else { break }
            let batch = EventBatch(kioskID: kioskID, events: events.map(Self.wireEvent))
            let acknowledgement = try await client.send(batch)
            try await journal.markSynced(through: last.sequence)
            acknowledged = acknowledgement.highestContiguousSequence
            sent += events.count
            if acknowledgement.highestContiguousSequence < first.sequence - 1 {
                try await resend(after: acknowledgement.highestContiguousSequence)
            }
        }
        return (sent, acknowledged)
    }

    /// The hall lacks events this journal marked synced (its database was restored from an
    /// older copy): mark them unsynced so that the next batches carry them again.
    func resend(after sequence: Int64) async throws {
        guard !unfillableGaps.withLock({ $0.contains(sequence) }) else { return }
        let (reset, stillHeld) = try await journal.markUnsynced(after: sequence)
        if reset > 0 {
            logger.warning("The hall lacks events it had acknowledged; sending them again", metadata: ["hall.contiguous": "\(sequence)", "sync.resent": "\(reset)"])
        }
        if !stillHeld {
            unfillableGaps.withLock { _ = $0.insert(sequence) }
            logger.error("The hall lacks event \(sequence + 1), which this kiosk already pruned; the hall's copy has a gap there. Restore the hall's database from a newer backup.", metadata: ["hall.contiguous": "\(sequence)"])
        }
    }

    /// The hall refuses bodies over `HallProtocol.maximumBodyBytes`: cut a batch of large events
    /// short (keeping at least one) so that it stays well under that.
    static func capped(_ events: [JournalEvent]) -> [JournalEvent] {
        let budget = HallProtocol.maximumBodyBytes / 2
        var used = 0
        var count = 0
        for event in events {
            // The payload is escaped inside a JSON string: count it twice, plus the other fields.
            used += event.payload.utf8.count * 2 + 160
            if count > 0 && used > budget { break }
            count += 1
        }
        return Array(events.prefix(count))
    }

    static func wireEvent(_ event: JournalEvent) -> WireEvent {
        WireEvent(sequence: event.sequence, id: event.id.uuidString, kind: event.kind.rawValue, occurredAtMs: Int64((event.occurredAt.timeIntervalSince1970 * 1000).rounded()), payload: event.payload)
    }
}
