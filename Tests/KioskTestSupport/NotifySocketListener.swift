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

    /// The next message, or nil when none arrives within `timeout`. Blocks the calling thread.
    public func receive(timeout: Duration) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    /// Receives messages until one contains `line` (e.g. "WATCHDOG=1"); returns all received.
    public func waitFor(_ line: String, timeout: Duration) -> [String]? {
        let deadline = ContinuousClock.now + timeout
        var received: [String] = []
        while ContinuousClock.now < deadline {
            guard let message = receive(timeout: deadline - ContinuousClock.now) else { break }
            received.append(message)
            if message.split(separator: "\n").contains(Substring(line)) { return received }
        }
        return nil
    }
}
