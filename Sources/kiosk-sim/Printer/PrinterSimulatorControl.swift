#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

struct PrinterSimulatorControl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "control",
        abstract: "Change the simulated printer's state.",
        discussion: "Commands: ready, paper-near-end, paper-out, paper-in, paper-remaining DOTS, cover-open, cover-closed, jam, unjam, status.")

    @Option(help: ArgumentHelp("The running simulator's control socket.", valueName: "path"))
    var control: String

    @Argument(help: "The command, e.g. paper-out.")
    var command: [String]

    func run() throws {
        let descriptor = try SimulatorSockets.connectUnix(path: control)
        defer { close(descriptor) }
        SimulatorSockets.writeLine(descriptor, command.joined(separator: " "))
        let answer = SimulatorSockets.readLine(descriptor)
        print(answer)
        if !answer.hasPrefix("ok") { throw ExitCode(1) }
    }
}
