import ArgumentParser
import ControlProtocol
import Foundation

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one command to a running simulator's control socket and print its answer.",
        discussion: """
            Examples:
              kiosk-sim send --control .run/idcard-control.sock place resident
              kiosk-sim send --control .run/idcard-control.sock fault garbage
            """)

    @Option(help: ArgumentHelp("The simulator's control socket.", valueName: "path"))
    var control: String

    @Argument(help: "The command and its arguments.")
    var words: [String]

    func run() throws {
        let fd: Int32
        switch UnixSocket.connect(to: control) {
        case .success(let connected): fd = connected
        case .failure(let error): throw ValidationError("Nothing answers at '\(control)' (\(error)); is kiosk-sim running?")
        }
        defer { close(fd) }
        _ = Array((words.joined(separator: " ") + "\n").utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while !answer.contains(0x0A) {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            answer += buffer[0..<count]
        }
        let text = String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .newlines)
        print(text)
        if !text.hasPrefix("ok") { throw ExitCode(1) }
    }
}
