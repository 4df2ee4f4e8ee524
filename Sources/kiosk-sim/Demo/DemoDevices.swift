import ControlProtocol
import Foundation
import Hummingbird
import KioskSimulation
import NIOPosix

/// The simulated devices as the demo page drives them: taps into the touch FIFO, one-line
/// commands to the card reader's and the printer's control sockets, tickets from the paper
/// directory. Every call blocks briefly on a local file or socket, so it runs on NIO's blocking pool.
struct DemoDevices: Sendable {
    let touchFIFO: String
    let cardControl: String
    let printerControl: String
    let paperDirectory: String

    /// A tap at frame pixel (x, y), written as one read's worth of input_event records.
    func tap(x: Int32, y: Int32) async throws {
        let path = touchFIFO
        try await NIOThreadPool.singleton.runIfActive {
            do {
                try InputSimCommand.write(SimulatedInputEvents.tap(x: x, y: y), to: path)
            } catch {
                throw HTTPError(.serviceUnavailable, message: "\(error)")
            }
        }
        Self.log("tap \(x) \(y)")
    }

    /// Sends `command` to the card reader simulator and returns its answer ("ok placed resident").
    func card(_ command: String) async throws -> String {
        try await Self.exchange(command, at: cardControl)
    }

    /// Sends `command` to the printer simulator and returns its answer ("ok paper-out, 1 tickets").
    func printer(_ command: String) async throws -> String {
        try await Self.exchange(command, at: printerControl)
    }

    /// The names of the printed tickets' pictures, oldest first (ticket-0001.png, …).
    func tickets() async throws -> [String] {
        let directory = paperDirectory
        return try await NIOThreadPool.singleton.runIfActive {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.filter(Self.isTicketName).sorted()
        }
    }

    /// A ticket's PNG bytes; nil when there is no such ticket.
    func ticket(named name: String) async throws -> [UInt8]? {
        guard Self.isTicketName(name) else { return nil }
        let path = paperDirectory + "/" + name
        return try await NIOThreadPool.singleton.runIfActive {
            FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
    }

    /// One line on stderr per action (.run/kiosk-sim-demo.log under make run).
    static func log(_ text: String) {
        FileHandle.standardError.write(Data("kiosk-sim demo: \(text)\n".utf8))
    }

    /// A picture the printer simulator finished (it writes `.ticket-0001.png` and renames it):
    /// letters, digits, '-' and '_', ending in .png. Nothing else is ever served from the directory.
    static func isTicketName(_ name: String) -> Bool {
        guard name.hasSuffix(".png"), name.count > 4, name.count <= 64 else { return false }
        return name.dropLast(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// One line out, one line back, as `kiosk-sim send` does. A simulator that does not answer
    /// is a 503 naming the socket.
    static func exchange(_ command: String, at path: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive {
            let descriptor: Int32
            switch UnixSocket.connect(to: path) {
            case .success(let connected): descriptor = connected
            case .failure(let error):
                throw HTTPError(.serviceUnavailable, message: "Nothing answers at '\(path)' (\(error)); is make run's simulator running?")
            }
            defer { close(descriptor) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let line = Array((command + "\n").utf8)
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == line.count else {
                throw HTTPError(.serviceUnavailable, message: "Unable to send to '\(path)': \(String(cString: strerror(errno))).")
            }
            var answer: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 512)
            while !answer.contains(0x0A) {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                answer += buffer[0..<count]
            }
            let text = String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.hasPrefix("ok") else {
                throw HTTPError(.badGateway, message: "The simulator at '\(path)' refused '\(command)': \(text.isEmpty ? "no answer" : text)")
            }
            log("\(command) -> \(text)")
            return text
        }
    }
}
