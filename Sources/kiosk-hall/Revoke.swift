import ArgumentParser
import Foundation
import HallServer

struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refuse a kiosk's certificate from now on (a stolen or scrapped terminal). Its events stay.",
        discussion: "Enrolling the kiosk again issues new credentials and lets it sync again.")

    @OptionGroup var state: StateOptions

    @Argument(help: ArgumentHelp("The kiosk's id.", valueName: "kiosk-id"))
    var kioskID: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: state.databasePath) else {
            FileHandle.standardError.write(Data("kiosk-hall: no hall database at '\(state.databasePath)'. Pass --state-directory.\n".utf8))
            throw ExitCode(1)
        }
        let store = try HallStore(path: state.databasePath)
        defer { try? store.close() }
        guard try store.revoke(kioskID: kioskID) else {
            FileHandle.standardError.write(Data("kiosk-hall: no kiosk '\(kioskID)' is enrolled here; nothing changed.\n".utf8))
            throw ExitCode(1)
        }
        print("Revoked \(kioskID): the hall refuses its certificate from now on.")
    }
}
