import ArgumentParser

/// `kioskctl printer …`: the printers' status and test pages.
struct Printer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the printers' status or print a test page.",
        discussion: """
            Without --device, asks the running kioskd about its configured printers. With --device URI,
            talks to that printer directly (stop kioskd first if it uses the same printer).

            Examples:
              kioskctl printer status
              kioskctl printer status --device tcp:192.168.1.50:9100 --json
              kioskctl printer test receipt
              kioskctl printer test --device usb:0dd4:0205 ticket
            """,
        subcommands: [PrinterStatusCommand.self, PrinterTestCommand.self])
}
