import ArgumentParser

/// Simulated kiosk hardware for development, demos and tests: each device is a subcommand that
/// runs a real process speaking the device's real protocol.
@main
struct KioskSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-sim",
        abstract: "Simulated kiosk devices that speak the real protocols.",
        subcommands: [PrinterSimulatorCommand.self])
}
