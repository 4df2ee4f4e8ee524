import ArgumentParser
import ControlProtocol
import Foundation

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or run the journal's sync with the hall.",
        discussion: """
            Examples:
              kioskctl sync status
              kioskctl sync status --json
              kioskctl sync now
            """,
        subcommands: [SyncStatusCommand.self, SyncNowCommand.self],
        defaultSubcommand: SyncStatusCommand.self)
}

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the hall's acknowledged sequence, the backlog, the last error and the next retry.")

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print the status as JSON, for scripts.")
    var json = false

    func run() throws {
        let status = try SyncRequest.send(.syncStatus, connection: connection, timeoutSeconds: 10)
        print(json ? try SyncTable.json(status) : SyncTable(status).render())
    }
}

struct SyncNowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Push every waiting event now, skipping any retry wait; exit 1 if the hall was not reached.")

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print the status as JSON, for scripts.")
    var json = false

    func run() throws {
        let status = try SyncRequest.send(.syncNow, connection: connection, timeoutSeconds: 60)
        print(json ? try SyncTable.json(status) : SyncTable(status).render())
        if !status.enabled || status.lastError != nil { throw ExitCode(1) }
    }
}

enum SyncRequest {
    static func send(_ request: ControlRequest, connection: ConnectionOptions, timeoutSeconds: Int) throws -> SyncStatus {
        let client = ControlClient(socketPath: connection.socketPath(), timeoutSeconds: timeoutSeconds)
        return try client.answer(request, \.sync, missing: "no sync status in the answer; is kioskd older than kioskctl?")
    }
}

/// The human form of `kioskctl sync status`, right-aligned like `kioskctl status`.
struct SyncTable {
    let status: SyncStatus

    init(_ status: SyncStatus) { self.status = status }

    static func json(_ status: SyncStatus) throws -> String {
        try jsonText(status)
    }

    func render() -> String {
        guard status.enabled else {
            return "Sync: disabled (no [sync] table in kioskd.toml; see docs/configuration.md, [sync])"
        }
        var rows: [(String, String)] = [
            ("Hall", status.hallURL),
            ("State", status.state),
            ("Backlog", status.unsyncedEvents == 0 ? "all \(status.lastSequence) events synced" : "\(status.unsyncedEvents) events waiting (journal at sequence \(status.lastSequence))"),
            ("Hall holds", status.hallAcknowledgedSequence.map { "events 1...\($0)" } ?? "n/a"),
            ("Last success", Self.time(status.lastSuccessAt)),
            ("Last attempt", Self.time(status.lastAttemptAt)),
        ]
        if let error = status.lastError { rows.append(("Last error", error)) }
        if let retry = status.nextRetryAt { rows.append(("Next retry", Self.time(retry))) }
        rows.append(("Heartbeat", Self.time(status.lastHeartbeatAt)))
        rows.append(("Catalog", status.catalogVersion.map { "version \($0)" + (status.catalogFetchedAt.map { ", fetched \(Self.time($0))" } ?? ", cached") } ?? "n/a"))
        rows.append(("Reconciled", Self.time(status.lastReconciliationAt) + (status.nextReconciliationAt.map { "; next \(Self.time($0))" } ?? "")))
        if let used = status.journalUsedBytes, let limit = status.journalLimitBytes, used >= 0 {
            rows.append(("Journal size", "\(used / 1024) KiB of \(limit / 1024 / 1024) MiB; \(status.prunedSinceStart) synced events pruned since start"))
        }
        if let warning = status.storageWarning { rows.append(("Warning", warning)) }
        return FieldTable.render(rows)
    }

    static func time(_ date: Date?) -> String {
        guard let date else { return "n/a" }
        return StatusTable.timestamp(date)
    }
}
