import ArgumentParser
import Foundation
import HallProtocol
import HallServer

struct ImportProgress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-progress",
        abstract: "Load case progress records (a JSON array exported from the case system) for kiosks' progress inquiries.",
        discussion: """
            Each record: {"caseNumber": "QJ-2026-000123", "status": "ready for pickup",
            "nextStep": "Collect at window 12 with your ID card", "updatedAtMs": 1772409600000}.
            Records with a known case number replace the old one. Either every record is loaded or none.
            """)

    @OptionGroup var state: StateOptions

    @Argument(help: ArgumentHelp("The JSON file.", valueName: "file"))
    var file: String

    func run() async throws {
        let records: [CaseProgress]
        do {
            records = try JSONDecoder().decode([CaseProgress].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            FileHandle.standardError.write(Data("kiosk-hall: '\(file)' is not a JSON array of case progress records: \(error). Nothing was imported.\n".utf8))
            throw ExitCode(65)
        }
        for (index, record) in records.enumerated() {
            if let problem = ImportChecks.problem(in: record) {
                FileHandle.standardError.write(Data("kiosk-hall: record \(index + 1) in '\(file)' is not valid: \(problem). Nothing was imported.\n".utf8))
                throw ExitCode(65)
            }
        }
        try await state.withStorage { store in try await store.importProgress(records) }
        print("Imported \(records.count) case progress records.")
    }
}
