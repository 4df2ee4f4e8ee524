import ArgumentParser
import ControlProtocol
import Foundation

struct CardStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the running kioskd's card reader: state, SAM, counters, last error.",
        discussion: """
            Examples:
              kioskctl card status
              kioskctl card status --json
            """)

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print JSON, for scripts.")
    var json = false

    func run() throws {
        let reader = try connection.client().answer(.cardStatus, \.cardReader, missing: "no card reader status in the answer")
        if json {
            print(try jsonText(reader))
            return
        }
        var rows: [(String, String)] = [
            ("Reader", reader.device),
            ("State", reader.state.replacingOccurrences(of: "_", with: " ")),
            ("Polling", reader.polling),
            ("SAM", reader.samID ?? "n/a"),
            ("Cards read", "\(reader.cardsRead)"),
            ("Read failures", "\(reader.readFailures)"),
            ("Faults", "\(reader.faults)"),
        ]
        if let lastCardAt = reader.lastCardAt { rows.append(("Last card", StatusTable.timestamp(lastCardAt))) }
        if let lastError = reader.lastError {
            rows.append(("Last error", "\(reader.lastErrorAt.map(StatusTable.timestamp) ?? "?"): \(lastError)"))
        }
        print(FieldTable.render(rows))
    }
}
