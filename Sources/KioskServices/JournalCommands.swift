import ControlProtocol
import Foundation
import Journal

/// The control socket's "journal.stats" and "journal.export": what the journal holds, for a
/// technician or a script (payloads hold no personal data in the clear).
enum JournalCommands {
    /// The most events one export answers (about 5 MiB of JSON).
    static let exportLimit = 20_000

    static func answer(_ request: ControlRequest, journal: Journal) async -> ControlResponse {
        let since: Date
        if let text = request.arguments?["since"] {
            guard let date = ISO8601DateFormatter().date(from: text) else {
                return .failure(.badRequest, "since must be an ISO 8601 time like 2026-11-30T22:00:00+08:00, got '\(text.prefix(40))'.")
            }
            since = date
        } else {
            since = Date().addingTimeInterval(-86_400)
        }
        do {
            if request.command == ControlRequest.journalExportCommand {
                var limit = exportLimit
                if let text = request.arguments?["limit"] {
                    guard let value = Int(text), (1...exportLimit).contains(value) else {
                        return .failure(.badRequest, "limit must be a whole number from 1 to \(exportLimit), got '\(text.prefix(20))'.")
                    }
                    limit = value
                }
                let events = try await journal.events(since: since, limit: limit).map {
                    ExportedEvent(sequence: $0.sequence, id: $0.id.uuidString, kind: $0.kind.rawValue, occurredAt: $0.occurredAt, payload: $0.payload, synced: $0.syncedAt != nil)
                }
                return ControlResponse(ok: true, events: events)
            }
            let counts = try await journal.counts()
            let stats = JournalStats(path: journal.path, total: counts.total, unsynced: counts.unsynced, lastSequence: counts.lastSequence,
                                     sizeBytes: try await journal.usedBytes(), since: since, byKind: try await journal.countsByKind(since: since))
            return ControlResponse(ok: true, journalStats: stats)
        } catch {
            return .failure(.internalError, "The journal could not be read: \(error)")
        }
    }
}
