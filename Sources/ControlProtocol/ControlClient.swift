#if canImport(Glibc)
import Glibc
#endif

/// Why kioskctl could not get an answer. Each case's description says what to do.
public enum ControlClientError: Error, Equatable, CustomStringConvertible {
    case daemonNotRunning(socketPath: String, reason: String)
    case accessDenied(socketPath: String)
    case refused(socketPath: String, ControlFailure)
    case timedOut(socketPath: String)
    case badResponse(socketPath: String, reason: String)

    public var description: String {
        switch self {
        case let .daemonNotRunning(path, reason):
            "kioskd is not running: nothing answers at '\(path)' (\(reason)). Start it with 'systemctl start kioskd', or pass --socket/--config if it uses another socket."
        case let .accessDenied(path):
            "Access denied to '\(path)': run kioskctl as root or as a member of kioskd's technician group (technician_group in kioskd.toml; join it with 'sudo usermod -aG GROUP $USER', then log in again)."
        case let .refused(path, failure):
            "kioskd at '\(path)' refused: \(failure.message)"
        case let .timedOut(path):
            "kioskd at '\(path)' did not answer within the time limit; it may be hung. Check 'journalctl -u kioskd'."
        case let .badResponse(path, reason):
            "kioskd at '\(path)' sent an answer kioskctl cannot read (\(reason)); are kioskctl and kioskd the same version?"
        }
    }
}

/// A blocking client for the control socket, for command-line tools and tests.
public struct ControlClient: Sendable {
    public var socketPath: String
    public var timeoutSeconds: Int

    public init(socketPath: String, timeoutSeconds: Int = 10) {
        self.socketPath = socketPath
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sends one request and returns the daemon's answer. A refusal by the daemon (`ok: false`)
    /// is returned, not thrown, so that callers can show its code.
    public func send(_ request: ControlRequest) throws(ControlClientError) -> ControlResponse {
        let fd = try connect()
        defer { close(fd) }
        let line: [UInt8]
        do {
            line = try ControlCoding.encodeLine(request)
        } catch {
            throw .badResponse(socketPath: socketPath, reason: "cannot encode the request: \(error)")
        }
        try sendAll(line, fd: fd)
        let answer = try receiveLine(fd: fd)
        do {
            return try ControlCoding.decode(ControlResponse.self, from: answer)
        } catch {
            throw .badResponse(socketPath: socketPath, reason: "not a control response")
        }
    }

    /// Sends raw bytes and returns the raw answer line (without the newline), for tests that
    /// feed the daemon garbage.
    public func sendRaw(_ bytes: [UInt8]) throws(ControlClientError) -> [UInt8] {
        let fd = try connect()
        defer { close(fd) }
        try sendAll(bytes, fd: fd)
        shutdown(fd, Int32(SHUT_WR))
        return try receiveLine(fd: fd)
    }

    private func connect() throws(ControlClientError) -> Int32 {
        switch UnixSocket.connect(to: socketPath) {
        case .success(let fd):
            var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            return fd
        case .failure(let error) where error.code == EACCES || error.code == EPERM:
            throw .accessDenied(socketPath: socketPath)
        case .failure(let error):
            throw .daemonNotRunning(socketPath: socketPath, reason: error.description)
        }
    }

    private func sendAll(_ bytes: [UInt8], fd: Int32) throws(ControlClientError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { throw .timedOut(socketPath: socketPath) }
                // The daemon may refuse (and close) before reading everything; its answer is still readable.
                if errno == EPIPE || errno == ECONNRESET { return }
                throw .daemonNotRunning(socketPath: socketPath, reason: Self.errnoText())
            }
            offset += sent
        }
    }

    private func receiveLine(fd: Int32) throws(ControlClientError) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { throw .timedOut(socketPath: socketPath) }
                throw .badResponse(socketPath: socketPath, reason: Self.errnoText())
            }
            if count == 0 { break }
            // Look for the newline in the new bytes only: a screenshot answer is megabytes long.
            if let newline = chunk[0..<count].firstIndex(of: UInt8(ascii: "\n")) {
                return received + chunk[0..<newline]
            }
            received += chunk[0..<count]
            guard received.count <= ControlCoding.maximumAnswerLength else {
                throw .badResponse(socketPath: socketPath, reason: "answer longer than \(ControlCoding.maximumAnswerLength) bytes")
            }
        }
        guard !received.isEmpty else {
            throw .badResponse(socketPath: socketPath, reason: "the connection closed without an answer")
        }
        return received
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
