import ArgumentParser

/// `kiosk-sim printer`: run a simulated ESC/POS printer, or change its state.
struct PrinterSimulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "A simulated ESC/POS receipt printer on TCP (and a pty).",
        discussion: """
            Decodes what it receives into one PNG per cut ticket (GB18030 text in the CJK font,
            raster images and QR codes drawn), answers DLE EOT and the full status from its
            simulated state, and takes state changes on a control socket.

            Examples:
              kiosk-sim printer run --port 9100 --output /tmp/paper --control /tmp/printer.sock
              kiosk-sim printer control --control /tmp/printer.sock paper-out
            """,
        subcommands: [PrinterSimulatorRun.self, PrinterSimulatorControl.self],
        defaultSubcommand: PrinterSimulatorRun.self)
}
