#if canImport(Glibc)
import Glibc
#endif

/// Sends sd_notify(3) messages ("READY=1", "WATCHDOG=1", "STATUS=…") to the socket systemd
/// names in NOTIFY_SOCKET: a filesystem path, or "@name" for the abstract namespace.
/// Needs no libsystemd: the protocol is one datagram per message.
package struct SystemdNotifier: Sendable {
    let socketAddress: String

    /// nil when not started by systemd with Type=notify (NOTIFY_SOCKET unset).
    package static func fromEnvironment() -> SystemdNotifier? {
        guard let value = getenv("NOTIFY_SOCKET").map({ String(cString: $0) }), !value.isEmpty else { return nil }
        return SystemdNotifier(socketAddress: value)
    }

    /// The watchdog period systemd expects pings within (WatchdogSec=), if it is meant for us.
    package static func watchdogTimeoutFromEnvironment() -> Duration? {
        guard let text = getenv("WATCHDOG_USEC").map({ String(cString: $0) }), let microseconds = Int64(text), microseconds > 0 else {
            return nil
        }
        // WATCHDOG_PID, when set, names the process that must ping; a child must not.
        if let pidText = getenv("WATCHDOG_PID").map({ String(cString: $0) }), let pid = Int32(pidText), pid != getpid() {
            return nil
        }
        return .microseconds(microseconds)
    }

    /// Sends one message. Never blocks: the socket is non-blocking and a full queue drops the
    /// message (systemd reads these promptly; a lost STATUS is harmless, a lost ping is retried
    /// at the next period). Returns false and sets errno when the message was not sent.
    @discardableResult
    func send(_ message: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketAddress.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { errno = ENAMETOOLONG; return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        // An abstract address's length counts exactly its bytes; a path's includes the NUL.
        let length = MemoryLayout<sa_family_t>.size + path.count + (path.first == 0 ? 0 : 1)

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), socketAddress, socklen_t(length)) }
            }
        }
        return sent == bytes.count
    }
}
