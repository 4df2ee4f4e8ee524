import ControlProtocol
import Foundation
import Journal

/// The control socket's "journal.stats" and "journal.export": what the journal holds, for a
/// technician or a script (payloads hold no personal data in the clear).
enum JournalCommands {
    /// The most events one export answers (about 5 MiB of JSON).
    static let exportLimit = 20_000

    static func answer(_ command: ControlCommand, journal: Journal) async -> ControlResponse {
        do {
            switch command {
            case let .journalExport(since, limit):
                let limit = limit ?? exportLimit
                guard (1...exportLimit).contains(limit) else {
                    return .failure(.badRequest, "limit must be a whole number from 1 to \(exportLimit), got \(limit).")
                }
                let events = try await journal.events(since: since ?? Self.dayAgo(), limit: limit).map {
                    ExportedEvent(sequence: $0.sequence, id: $0.id.uuidString, kind: $0.kind.rawValue, occurredAt: $0.occurredAt, payload: $0.payload, synced: $0.syncedAt != nil)
                }
                return ControlResponse(ok: true, events: events)
            case let .journalStats(since):
                let since = since ?? Self.dayAgo()
                let counts = try await journal.counts()
                let stats = JournalStats(path: journal.path, total: counts.total, unsynced: counts.unsynced, lastSequence: counts.lastSequence,
                                         sizeBytes: try await journal.usedBytes(), since: since, byKind: try await journal.countsByKind(since: since))
                return ControlResponse(ok: true, journalStats: stats)
            default:
                return .failure(.unknownCommand, "'\(command.name)' is no journal command.")
            }
        } catch {
            return .failure(.internalError, "The journal could not be read: \(error)")
        }
    }

    private static func dayAgo() -> Date { Date().addingTimeInterval(-86_400) }
}
