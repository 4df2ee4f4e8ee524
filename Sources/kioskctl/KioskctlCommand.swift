import ArgumentParser
import KioskCore
import KioskValues

@main
struct KioskctlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskctl",
        abstract: "Diagnostics for technicians: ask the running kioskd how it is doing.",
        discussion: """
            Talks to kioskd over its control socket; run it as root or as a member of the technician group.
            Every command takes --json for scripts.
            Exit status: 0 success, 1 the command failed or a device is not ready (devices), 64 usage error,
            65 a card that could not be read (card read), 69 kioskd not running, 73 cannot write the output,
            74 the reader failed (card read), 75 kioskd did not answer in
            time, 76 unreadable answer, 77 access denied.

            Examples:
              kioskctl status
              kioskctl status --json | jq .journal.unsynced
              kioskctl status --socket /run/kioskd/control.sock
              kioskctl devices
              kioskctl logs --lines 50
              kioskctl journal stats
              kioskctl maintenance on --reason "printer jammed"
              kioskctl card read --device /dev/ttyUSB0
              kioskctl printer status
              kioskctl printer test receipt
              kioskctl screen screenshot /tmp/screen.png
              kioskctl sync status
              echo "$PIN" | kioskctl pin-hash
            """,
        version: KioskVersion.current,
        subcommands: [Status.self, Devices.self, Card.self, Printer.self, Screen.self, JournalCommand.self, Sync.self, Maintenance.self, Logs.self, PINHash.self],
        defaultSubcommand: Status.self)
}
