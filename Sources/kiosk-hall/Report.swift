import ArgumentParser
import Foundation
import HallServer

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the morning report for one day (local time): per kiosk and in total.",
        discussion: """
            Reads the hall's database directly; kiosk-hall serve may be running.
            Examples:
              kiosk-hall report --date 2026-03-02
              kiosk-hall report --date 2026-03-02 --csv > 2026-03-02.csv
            """)

    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("The day, as YYYY-MM-DD.", valueName: "date"))
    var date: String

    @Flag(help: "Print CSV (one row per kiosk and a Total row) instead of text.")
    var csv = false

    @Flag(help: "Print the HTML page instead of text.")
    var html = false

    func validate() throws {
        guard MorningReport.interval(of: date, calendar: .current) != nil else {
            throw ValidationError("The date must look like 2026-03-02 (year-month-day), got '\(date)'.")
        }
        guard !(csv && html) else { throw ValidationError("Please choose one of --csv and --html.") }
    }

    func run() async throws {
        guard state.database != nil || FileManager.default.fileExists(atPath: state.databasePath) else {
            FileHandle.standardError.write(Data("kiosk-hall: no hall database at '\(state.databasePath)'. Pass --state-directory, or start 'kiosk-hall serve' first.\n".utf8))
            throw ExitCode(1)
        }
        let date = date
        guard let report = try await state.withStorage({ store in try await MorningReport.load(date: date, from: store) }) else { throw ExitCode(64) }
        if csv {
            print(report.csv(), terminator: "")
        } else if html {
            print(report.html())
        } else {
            // The full numbers to call back, on the hall's server only (never on the web page).
            let key = try? HallCredentials(directory: state.credentialsDirectory).callbackKey()
            print(report.text(callbackKey: key))
        }
    }
}
