import ArgumentParser
import Foundation
import HallServer

struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refuse a kiosk's certificate from now on (a stolen or scrapped terminal). Its events stay.",
        discussion: "Enrolling the kiosk again issues new credentials and lets it sync again.")

    @OptionGroup var state: StateOptions

    @Argument(help: ArgumentHelp("The kiosk's id.", valueName: "kiosk-id"))
    var kioskID: String

    func run() async throws {
        guard state.database != nil || FileManager.default.fileExists(atPath: state.databasePath) else {
            FileHandle.standardError.write(Data("kiosk-hall: no hall database at '\(state.databasePath)'. Pass --state-directory.\n".utf8))
            throw ExitCode(1)
        }
        let kioskID = kioskID
        guard try await state.withStorage({ store in try await store.revoke(kioskID: kioskID) }) else {
            FileHandle.standardError.write(Data("kiosk-hall: no kiosk '\(kioskID)' is enrolled here; nothing changed.\n".utf8))
            throw ExitCode(1)
        }
        print("Revoked \(kioskID): the hall refuses its certificate from now on.")
    }
}
