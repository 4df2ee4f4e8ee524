import ArgumentParser
import ControlProtocol
import Foundation

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "What the journal holds: counts by kind, or the events themselves.",
        discussion: """
            Payloads hold no personal data in the clear (masked names and numbers, keyed hashes, sealed
            phone numbers), so an export can be handed to the hall.
            Examples:
              kioskctl journal stats
              kioskctl journal stats --since 2026-11-30T00:00:00+08:00 --json
              kioskctl journal export --since 2026-11-30T20:00:00+08:00 > night.jsonl
            """,
        subcommands: [JournalStatsCommand.self, JournalExportCommand.self],
        defaultSubcommand: JournalStatsCommand.self)
}

struct JournalStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Events in all, waiting to sync, the file's size, and counts by kind since a time (default: 24 hours ago).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Count events from this ISO 8601 time on.", valueName: "time"))
    var since: String?

    @Flag(name: .long, help: "Print JSON, for scripts.")
    var json = false

    func validate() throws { try JournalTime.check(since) }

    func run() throws {
        let request = ControlRequest(.journalStats(since: since.flatMap(JournalTime.date)))
        let stats = try connection.client().answer(request, \.journalStats, missing: "no journal statistics in the answer")
        if json {
            print(try jsonText(stats))
            return
        }
        var rows: [(String, String)] = [
            ("Journal", stats.path),
            ("Events", "\(stats.total) (last sequence \(stats.lastSequence)), \(stats.unsynced) waiting to sync"),
            ("Size", "\(stats.sizeBytes / 1024) KiB"),
            ("Since", StatusTable.timestamp(stats.since)),
        ]
        rows += stats.byKind.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        if stats.byKind.isEmpty { rows.append(("", "no events since then")) }
        print(FieldTable.render(rows))
    }
}

struct JournalExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the events since a time as JSON lines (at most 20000).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Events from this ISO 8601 time on.", valueName: "time"))
    var since: String

    @Option(help: ArgumentHelp("At most this many events, 1 to 20000.", valueName: "n"))
    var limit = 20_000

    func validate() throws {
        try JournalTime.check(since)
        guard (1...20_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 20000, got \(limit).") }
    }

    func run() throws {
        let request = ControlRequest(.journalExport(since: JournalTime.date(since), limit: limit))
        let client = ControlClient(socketPath: connection.socketPath(), timeoutSeconds: 30)
        let events = try client.answer(request, \.events, missing: "no events in the answer")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        for event in events {
            print(String(decoding: try encoder.encode(event), as: UTF8.self))
        }
    }
}

enum JournalTime {
    static func check(_ text: String?) throws {
        guard let text else { return }
        guard ISO8601DateFormatter().date(from: text) != nil else {
            throw ValidationError("--since must be an ISO 8601 time with its zone, like 2026-11-30T22:00:00+08:00; got '\(text)'.")
        }
    }

    /// The time `check` accepted.
    static func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
}
