import ArgumentParser

/// Simulated kiosk hardware for development, demos and tests: each device is a subcommand that
/// runs a real process speaking the device's real protocol behind a real device node or socket.
@main
struct KioskSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-sim",
        abstract: "Simulated kiosk hardware behind real device nodes, for development, demos and tests.",
        subcommands: [IDCardSimCommand.self, PrinterSimulatorCommand.self, SendCommand.self])
}
