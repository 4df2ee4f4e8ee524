import ArgumentParser
import KioskCore

@main
struct KioskctlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskctl",
        abstract: "Diagnostics for technicians: ask the running kioskd how it is doing.",
        discussion: """
            Talks to kioskd over its control socket; run it as root or as a member of the technician group.
            Exit status: 0 success, 64 usage error, 69 kioskd not running, 75 kioskd did not answer in time,
            76 unreadable answer, 77 access denied.

            Examples:
              kioskctl status
              kioskctl status --json | jq .journal.unsynced
              kioskctl status --socket /run/kioskd/control.sock
              kioskctl card read --device /dev/ttyUSB0
              kioskctl printer status
              kioskctl printer test receipt
              kioskctl screen screenshot /tmp/screen.png
              kioskctl sync status
              echo "$PIN" | kioskctl pin-hash
            """,
        version: KioskVersion.current,
        subcommands: [Status.self, Card.self, Printer.self, Screen.self, Sync.self, PINHash.self],
        defaultSubcommand: Status.self)
}
