import ArgumentParser
import ControlProtocol
import Foundation

/// `kioskctl maintenance on|off`: the out-of-service screen (saying where to go instead) while a
/// technician works, or after a fault that cannot be fixed tonight.
struct Maintenance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the kiosk out of service (the screen sends citizens elsewhere) or back in service.",
        discussion: """
            A session in progress finishes first. The reason is journaled for the hall's report.
            Examples:
              kioskctl maintenance on --reason "ticket printer jammed, part ordered"
              kioskctl maintenance off
            """,
        subcommands: [On.self, Off.self])

    struct On: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the out-of-service screen.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: ArgumentHelp("Why, for the journal (one line, at most 200 characters).", valueName: "text"))
        var reason: String
        @Flag(name: .long, help: "Print JSON, for scripts.") var json = false

        func run() throws { try Maintenance.set(true, reason: reason, connection: connection, json: json) }
    }

    struct Off: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve citizens again.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: ArgumentHelp("Why, for the journal.", valueName: "text"))
        var reason = "back in service"
        @Flag(name: .long, help: "Print JSON, for scripts.") var json = false

        func run() throws { try Maintenance.set(false, reason: reason, connection: connection, json: json) }
    }

    static func set(_ on: Bool, reason: String, connection: ConnectionOptions, json: Bool) throws {
        let request = ControlRequest(.maintenance(on: on, reason: reason))
        let outOfService = try connection.client().answer(request, \.outOfService, missing: "no maintenance state in the answer")
        print(json ? try jsonText(["outOfService": outOfService]) : outOfService ? "Out of service: the screen sends citizens elsewhere." : "In service.")
    }
}
