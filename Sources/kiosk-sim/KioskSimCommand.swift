import ArgumentParser
import Foundation

/// Simulated kiosk hardware for development, demos and tests: each device is a subcommand that
/// runs a real process speaking the device's real protocol behind a real device node or socket.
@main
struct KioskSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-sim",
        abstract: "Simulated kiosk hardware behind real device nodes, for development, demos and tests.",
        subcommands: [IDCardSimCommand.self, PrinterSimulatorCommand.self, InputSimCommand.self, SendCommand.self, DemoCommand.self])

    static func main() async {
        // A parent that blocks signals in its threads (as Dispatch does) hands that mask to the
        // processes it spawns; unblock them so that SIGTERM and SIGINT stop the simulator.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
