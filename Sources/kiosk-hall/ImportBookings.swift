import ArgumentParser
import Foundation
import HallProtocol
import HallServer

struct ImportBookings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-bookings",
        abstract: "Load bookings (a JSON array exported from the booking system) for check-in at the kiosks.",
        discussion: """
            Each record: {"code": "BK-20261201-0042", "holder": "<64 hex digits>", "date": "2026-12-01",
            "category": "B", "serviceID": "housing-fund-rent"}. holder is the keyed hash of the ID number
            (HMAC-SHA256 with the county's key, as kioskd's linking_key_file), never the number. A booking
            with a known code is updated unless it is checked in already. Either every record is loaded or none.
            """)

    @OptionGroup var state: StateOptions

    @Argument(help: ArgumentHelp("The JSON file.", valueName: "file"))
    var file: String

    func run() async throws {
        let bookings: [Booking]
        do {
            bookings = try JSONDecoder().decode([Booking].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            FileHandle.standardError.write(Data("kiosk-hall: '\(file)' is not a JSON array of bookings: \(error). Nothing was imported.\n".utf8))
            throw ExitCode(65)
        }
        for (index, booking) in bookings.enumerated() {
            if let problem = ImportChecks.problem(in: booking) {
                FileHandle.standardError.write(Data("kiosk-hall: booking \(index + 1) in '\(file)' is not valid: \(problem). Nothing was imported.\n".utf8))
                throw ExitCode(65)
            }
        }
        try await state.withStorage { store in try await store.importBookings(bookings) }
        print("Imported \(bookings.count) bookings.")
    }
}
