#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking file descriptor with poll(2)-based timeouts, for usblp and TCP printers: the
/// usblp driver's write() blocks forever on a stuck printer unless O_NONBLOCK is set
/// (docs/protocols/escpos.md). Every call blocks the calling thread for at most its timeout, so callers
/// run them on a thread that may block.
struct NonBlockingDescriptor: Sendable {
    let rawValue: CInt

    enum Failure: Error, Equatable {
        case timedOut
        /// The other end closed (read returned 0) or hung up.
        case closed
        case system(call: String, errno: CInt)
    }

    /// Writes everything or fails. Partial writes are continued until the deadline.
    func writeAll(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(Failure) {
        let deadline = Self.now() + timeoutMilliseconds
        var offset = 0
        while offset < bytes.count {
            let left = deadline - Self.now()
            guard left > 0 else { throw .timedOut }
            try waitFor(Int16(POLLOUT), milliseconds: left)
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(rawValue, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                let error = errno
                if error == EAGAIN || error == EINTR { continue }
                if error == EPIPE || error == ECONNRESET { throw .closed }
                throw .system(call: "write", errno: error)
            }
            offset += written
        }
    }

    /// Reads what is there within the timeout; empty when nothing came.
    func read(maximum: Int, timeoutMilliseconds: Int) throws(Failure) -> [UInt8] {
        do {
            try waitFor(Int16(POLLIN), milliseconds: timeoutMilliseconds)
        } catch .timedOut {
            return []
        }
        var buffer = [UInt8](repeating: 0, count: maximum)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(rawValue, $0.baseAddress, maximum) }
        if count < 0 {
            let error = errno
            if error == EAGAIN || error == EINTR { return [] }
            throw .system(call: "read", errno: error)
        }
        if count == 0 { throw .closed }
        return Array(buffer[..<count])
    }

    /// poll(2) for `events`; EINTR restarts with the time left. POLLHUP/POLLERR count as ready,
    /// so that the following read or write reports the real error.
    func waitFor(_ events: Int16, milliseconds: Int) throws(Failure) {
        let deadline = Self.now() + milliseconds
        while true {
            var descriptor = pollfd(fd: rawValue, events: events, revents: 0)
            let left = max(0, deadline - Self.now())
            let ready = poll(&descriptor, 1, Int32(min(left, Int(Int32.max))))
            if ready > 0 { return }
            if ready == 0 { throw .timedOut }
            if errno != EINTR { throw .system(call: "poll", errno: errno) }
        }
    }

    func close() { _ = Glibc.close(rawValue) }

    /// Monotonic milliseconds, for deadlines.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    /// open(2) with O_NONBLOCK | O_CLOEXEC | O_NOCTTY.
    static func open(_ path: String, flags: CInt, mode: mode_t = 0o644) throws(Failure) -> NonBlockingDescriptor {
        let descriptor = Glibc.open(path, flags | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, mode)
        guard descriptor >= 0 else { throw .system(call: "open", errno: errno) }
        return NonBlockingDescriptor(rawValue: descriptor)
    }

    /// A TCP connection to host:port within the timeout (non-blocking connect, then poll).
    static func connectTCP(host: String, port: Int, timeoutMilliseconds: Int) throws(Failure) -> NonBlockingDescriptor {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw .system(call: "getaddrinfo", errno: status == EAI_SYSTEM ? errno : ENOENT) }
        defer { freeaddrinfo(list) }
        var lastError: Failure = .system(call: "connect", errno: ECONNREFUSED)
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let socketDescriptor = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard socketDescriptor >= 0 else { lastError = .system(call: "socket", errno: errno); continue }
            let candidate = NonBlockingDescriptor(rawValue: socketDescriptor)
            if connect(socketDescriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return candidate }
            guard errno == EINPROGRESS else { lastError = .system(call: "connect", errno: errno); candidate.close(); continue }
            do {
                try candidate.waitFor(Int16(POLLOUT), milliseconds: timeoutMilliseconds)
            } catch {
                candidate.close()
                lastError = error
                continue
            }
            var socketError: CInt = 0
            var length = socklen_t(MemoryLayout<CInt>.size)
            getsockopt(socketDescriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
            if socketError == 0 { return candidate }
            candidate.close()
            lastError = .system(call: "connect", errno: socketError)
        }
        throw lastError
    }
}
