import ControlProtocol
import Foundation

/// A real `kiosk-sim idcard` process: a simulated reader on a pty, driven through its control
/// socket. `linkPath` follows the pty across unplug/plug, as udev's /dev/kiosk/ links do.
public final class KioskSimIDCard: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let process: ChildProcess
    public let controlPath: String
    public let linkPath: String
    public private(set) var ptyPath = ""

    public init(paceBaud: Int = 0, card: String? = nil, directory: TemporaryDirectory? = nil) async throws {
        self.directory = try directory ?? TemporaryDirectory("kiosk-sim")
        controlPath = self.directory.file("idcard-control.sock")
        linkPath = self.directory.file("idcard")
        var arguments = ["idcard", "--control", controlPath, "--link", linkPath, "--pace-baud", "\(paceBaud)"]
        if let card { arguments += ["--card", card] }
        process = try ChildProcess(BuiltExecutable.path("kiosk-sim"), arguments, outputDirectory: self.directory.path)
        // Ready once it printed its pty and control paths (the control socket is bound right after).
        // Generous: a loaded CI machine starts many simulators at once.
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            let output = process.standardOutput
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("pty ") }), output.contains("control ") {
                ptyPath = String(line.dropFirst(4))
                if (try? send("state")) != nil { return }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw KioskSimFailure(log: process.standardError)
    }

    public struct KioskSimFailure: Error, CustomStringConvertible {
        public var log: String
        public var description: String { "kiosk-sim idcard did not start: \(log)" }
    }

    /// Sends one control command ("place resident", "fault garbage", …) and returns the answer.
    @discardableResult
    public func send(_ command: String) throws -> String {
        let fd = try UnixSocket.connect(to: controlPath).get()
        defer { close(fd) }
        let line = Array((command + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while !answer.contains(0x0A) {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            answer += buffer[0..<count]
        }
        let text = String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard text.hasPrefix("ok") else { throw KioskSimFailure(log: "'\(command)' -> \(text)") }
        return text
    }
}
