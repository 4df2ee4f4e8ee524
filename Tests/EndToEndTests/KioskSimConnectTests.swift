import ControlProtocol
import Glibc
import Foundation
import KioskTestSupport
import Testing

/// `kiosk-sim idcard --connect SOCKET`: the simulated reader on a Unix socket that something else
/// listens on (QEMU's usb-serial chardev in `make test-hil`, where the connection is the USB
/// cable): unplug closes the connection, plug connects again.
struct KioskSimConnectTests {
    /// Read SAM ID: body 12 FF, LEN 00 03 (body and checksum), CHK = 00 ^ 03 ^ 12 ^ FF = EE.
    static let readSAMID: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE]

    /// Should answer frames on the connection, close it on unplug and connect again on plug
    @Test func followsUnplugAndPlug() async throws {
        let directory = try TemporaryDirectory("kiosk-sim")
        let socketPath = directory.file("usb-serial.sock")
        let listener = try UnixSocket.bind(socketPath).get()
        defer { close(listener) }
        let control = directory.file("idcard-control.sock")
        let simulator = try ChildProcess(BuiltExecutable.path("kiosk-sim"), ["idcard", "--connect", socketPath, "--control", control],
                                         outputDirectory: directory.path)
        defer { simulator.signal(SIGTERM) }

        let first = try Self.accept(listener)
        defer { close(first) }
        try Self.expectSAMIDAnswer(on: first)
        try await Self.waitForControl(control)
        #expect(try Self.send("unplug", to: control) == "ok unplugged")
        // The far end sees the cable pulled: end of file, not a hang.
        #expect(Self.read(first, timeoutMilliseconds: 5000) == [], "the connection stayed open after unplug")

        #expect(try Self.send("plug", to: control) == "ok socket \(socketPath)")
        let second = try Self.accept(listener)
        defer { close(second) }
        try Self.expectSAMIDAnswer(on: second)
        #expect(simulator.standardOutput.contains("socket \(socketPath)"), "\(simulator.standardOutput)")
    }

    /// Should refuse --link with --connect: there is no pty to link to
    @Test func refusesLinkWithConnect() async throws {
        let directory = try TemporaryDirectory("kiosk-sim")
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-sim"),
                                               ["idcard", "--connect", directory.file("s.sock"), "--link", directory.file("idcard"),
                                                "--control", directory.file("c.sock")], in: directory.path)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains("--link names a pty"), "\(result.standardError)")
    }

    // MARK: Helpers

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits up to 10 s for kiosk-sim to connect.
    static func accept(_ listener: Int32) throws -> Int32 {
        var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, 10_000) == 1 else { throw Failure(description: "kiosk-sim did not connect within 10 s") }
        let connection = Glibc.accept(listener, nil, nil)
        guard connection >= 0 else { throw Failure(description: "accept: \(String(cString: strerror(errno)))") }
        return connection
    }

    /// What arrives within the timeout: [] at end of file, nil if nothing came.
    static func read(_ fd: Int32, timeoutMilliseconds: Int32) -> [UInt8]? {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, timeoutMilliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return count <= 0 ? [] : Array(buffer[0..<count])
    }

    /// Sends Read SAM ID and expects a whole answer with SW3 = 90 (success).
    static func expectSAMIDAnswer(on fd: Int32) throws {
        _ = readSAMID.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var answer: [UInt8] = []
        // AA AA AA 96 69 | LEN | 00 00 90 | 16-byte SAM ID | CHK
        while answer.count < 5 + 2 + 3 + 16 + 1 {
            guard let bytes = read(fd, timeoutMilliseconds: 5000), !bytes.isEmpty else {
                throw Failure(description: "no whole answer to Read SAM ID, got \(answer)")
            }
            answer += bytes
        }
        #expect(Array(answer.prefix(5)) == [0xAA, 0xAA, 0xAA, 0x96, 0x69])
        #expect(answer[9] == 0x90, "SW3 \(answer[9])")
    }

    /// Waits up to 10 s until the control socket accepts connections (the file appears at
    /// bind(2), a moment before listen(2): connecting then is refused).
    static func waitForControl(_ path: String) async throws {
        for _ in 0..<500 {
            if case .success(let fd) = UnixSocket.connect(to: path) {
                close(fd)
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func send(_ command: String, to control: String) throws -> String {
        let fd = try UnixSocket.connect(to: control).get()
        defer { close(fd) }
        _ = Array((command + "\n").utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var answer: [UInt8] = []
        while !answer.contains(0x0A), let bytes = read(fd, timeoutMilliseconds: 10_000), !bytes.isEmpty {
            answer += bytes
        }
        return String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
