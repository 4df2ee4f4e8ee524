import ControlProtocol
import Foundation
import KioskTestSupport
import Testing

/// kioskctl's side of the control socket: each failure gets its own error and message.
struct ControlClientTests {
    /// Should say the daemon is not running, naming the socket, when nothing is there
    @Test func nothingAtThePath() throws {
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: "/nonexistent/control.sock").send(.status) }
        guard case .daemonNotRunning(let path, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(path == "/nonexistent/control.sock")
        #expect(error?.description.contains("kioskd is not running: nothing answers at '/nonexistent/control.sock'") == true)
    }

    /// Should treat a socket file nobody listens on (a crashed daemon) as not running
    @Test func staleSocketFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("stale.sock")
        let server = try FakeControlServer(path: path, behaviour: .closeListener)
        _ = server
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: path).send(.status) }
        guard case .daemonNotRunning? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    /// Should report an answer that is not a control response, not crash on it
    @Test(arguments: [Array("garbage\n".utf8), [0x00, 0xFF, 0x0A], Array("{\"ok\":\"yes\"}\n".utf8), []])
    func garbageAnswer(_ answer: [UInt8]) throws {
        let directory = try TemporaryDirectory()
        let server = try FakeControlServer(path: directory.file("c.sock"), behaviour: .answer(answer))
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: server.path).send(.status) }
        guard case .badResponse? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    /// Should give up on a daemon that accepts but never answers
    @Test func silentDaemonTimesOut() throws {
        let directory = try TemporaryDirectory()
        let server = try FakeControlServer(path: directory.file("c.sock"), behaviour: .silent)
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: server.path, timeoutSeconds: 1).send(.status) }
        #expect(error == .timedOut(socketPath: server.path))
    }

    /// Should carry every status field across the wire unchanged
    @Test func statusRoundTrip() throws {
        let status = DaemonStatus(
            version: "0.1.0", kioskID: "K-1", configPath: "/etc/kioskd/kioskd.toml", pid: 42,
            startedAt: Date(timeIntervalSince1970: 1_800_000_000), uptimeSeconds: 3600,
            journal: JournalSummary(path: "/var/lib/kioskd/journal.sqlite", total: 9, unsynced: 2, oldestUnsyncedAgeSeconds: 840, lastSequence: 9),
            devices: [DeviceSummary(name: "printer", kind: "escpos", path: "/dev/usb/lp0", state: "paper out", lastError: nil)],
            platform: PlatformSummary(libusbVersion: "1.0.26", usbDeviceCount: 3, cupsServer: "/run/cups/cups.sock", cupsReachable: true, freetypeVersion: "2.12.1"))
        let line = try ControlCoding.encodeLine(ControlResponse(ok: true, status: status))
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
        #expect(try ControlCoding.decode(ControlResponse.self, from: line.dropLast()).status == status)
    }
}

/// A Unix socket server on a thread, behaving badly on purpose.
final class FakeControlServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        case answer([UInt8])
        case silent
        /// Binds, then closes: the socket file stays, nobody listens.
        case closeListener
    }

    let path: String
    private let fd: Int32
    private var client: Int32 = -1

    init(path: String, behaviour: Behaviour) throws {
        self.path = path
        fd = try UnixSocket.bind(path).get()
        switch behaviour {
        case .closeListener:
            close(fd)
        case .silent:
            Thread.detachNewThread { [self] in client = accept(fd, nil, nil) }
        case .answer(let bytes):
            let fd = self.fd
            Thread.detachNewThread {
                let client = accept(fd, nil, nil)
                var buffer = [UInt8](repeating: 0, count: 1024)
                _ = recv(client, &buffer, buffer.count, 0)
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
    }

    deinit {
        close(fd)
        if client >= 0 { close(client) }
    }
}
