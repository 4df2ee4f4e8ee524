import ArgumentParser
import ControlProtocol
import Foundation

/// `kioskctl logs`: kioskd's recent log lines from its in-memory ring (no journalctl or root
/// needed at the kiosk).
struct Logs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show kioskd's most recent log lines (kept in memory, the last 1000).",
        discussion: """
            Examples:
              kioskctl logs
              kioskctl logs --lines 500 | grep -i printer
              kioskctl logs --json
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("How many lines, 1 to 1000.", valueName: "n"))
    var lines = 100

    @Flag(name: .long, help: "Print the lines as a JSON array, for scripts.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(lines) else { throw ValidationError("--lines must be from 1 to 1000, got \(lines).") }
    }

    func run() throws {
        let logs = try connection.client().answer(ControlRequest(.logs(lines: lines)), \.logs, missing: "no log lines in the answer")
        print(json ? try jsonText(logs) : logs.joined(separator: "\n"))
    }
}
