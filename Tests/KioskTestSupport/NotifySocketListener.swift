import ControlProtocol
import Foundation

/// Plays systemd's side of sd_notify: a Unix datagram socket that receives READY=1, WATCHDOG=1…
public final class NotifySocketListener: @unchecked Sendable {
    public let path: String
    private let fd: Int32

    public init(path: String) throws {
        self.path = path
        unlink(path)  // left by an earlier listener in the same directory
        fd = try UnixSocket.bind(path, type: Int32(SOCK_DGRAM.rawValue)).get()
    }

    deinit { close(fd) }

    /// The next message waiting on the socket, or nil when there is none. Never blocks.
    public func receiveNow() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    /// Receives messages until one contains `line` (e.g. "WATCHDOG=1"); returns all received, or
    /// nil after `timeout`. Checks every 10 ms without blocking: a blocking poll here held one of
    /// the Swift pool's few threads (two on a 2-core machine) for as long as a kioskd took to
    /// start, and parallel tests starting kioskds starved every other test's tasks.
    public func waitFor(_ line: String, timeout: Duration) async -> [String]? {
        let deadline = ContinuousClock.now + timeout
        var received: [String] = []
        while true {
            while let message = receiveNow() {
                received.append(message)
                if message.split(separator: "\n").contains(Substring(line)) { return received }
            }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
