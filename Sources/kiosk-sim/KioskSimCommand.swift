import ArgumentParser

@main
struct KioskSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-sim",
        abstract: "Simulated kiosk hardware behind real device nodes, for development, demos and tests.",
        subcommands: [IDCardSimCommand.self, SendCommand.self])
}
