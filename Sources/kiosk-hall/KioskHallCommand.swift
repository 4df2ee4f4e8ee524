import ArgumentParser
import KioskCore

@main
struct KioskHallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-hall",
        abstract: "The hall's server: receives the kiosks' journals, serves the catalog, shows the morning report.",
        discussion: """
            Examples:
              kiosk-hall enroll K-0412 --output /tmp/K-0412     # credentials for one kiosk
              kiosk-hall serve --port 8443 --catalog catalog.json
              kiosk-hall report --date 2026-03-02 --csv
            """,
        version: KioskVersion.current,
        subcommands: [Serve.self, Enroll.self, Revoke.self, Report.self, ImportProgress.self, ImportBookings.self])
}

/// Where the hall keeps its database and certificates.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The hall's state: hall.sqlite and the CA.", valueName: "path"))
    var stateDirectory: String = "/var/lib/kiosk-hall"

    var databasePath: String { stateDirectory + "/hall.sqlite" }
    var credentialsDirectory: String { stateDirectory + "/tls" }
}
