#if canImport(Glibc)
import Glibc
#endif
import NIOPosix
import Synchronization

/// A serial tty (or a pty) opened raw, 8N1, non-blocking and exclusive. Calls that wait run on
/// NIO's blocking pool, never on the Swift concurrency pool, and every wait is bounded.
public final class SerialLine: Sendable {
    public let path: String
    public let baud: Int
    private let descriptor: CInt
    private let isClosed = Mutex(false)

    public static let supportedBauds = [9600, 19200, 38400, 57600, 115200]

    private init(path: String, baud: Int, descriptor: CInt) {
        self.path = path
        self.baud = baud
        self.descriptor = descriptor
    }

    /// Opens `path` at `baud`. Blocks briefly (open, ioctls): runs on the blocking pool.
    public static func open(_ path: String, baud: Int) async throws(DeviceError) -> SerialLine {
        do {
            return try await NIOThreadPool.singleton.runIfActive { try openBlocking(path, baud: baud) }
        } catch let error as DeviceError {
            throw error
        } catch {
            throw DeviceError(code: .notConnected, message: "Unable to open '\(path)': \(error).")
        }
    }

    static func openBlocking(_ path: String, baud: Int) throws(DeviceError) -> SerialLine {
        guard let speed = speed(for: baud) else {
            throw DeviceError(code: .protocolViolation, message: "Baud \(baud) is not supported for '\(path)'; use one of \(supportedBauds.map(String.init).joined(separator: ", ")).")
        }
        // O_NOCTTY: a reader must never become kioskd's controlling terminal.
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw DeviceError.open(path, errno: errno) }
        do throws(DeviceError) {
            // TIOCEXCL keeps other non-root openers out; flock also keeps out root (kioskctl run
            // by a technician with sudo while kioskd reads the same reader).
            _ = ioctl(fd, UInt(TIOCEXCL))
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                throw DeviceError(code: .busy, message: "'\(path)' is in use by another process; is kioskd running? Stop it ('systemctl stop kioskd') to test the reader by hand.")
            }
            var options = termios()
            guard tcgetattr(fd, &options) == 0 else {
                throw DeviceError(code: .notConnected, message: "'\(path)' is not a serial device (\(String(cString: strerror(errno)))); check the configured path.")
            }
            cfmakeraw(&options)
            options.c_cflag |= tcflag_t(CLOCAL | CREAD)
            options.c_cflag &= ~(tcflag_t(CSTOPB) | tcflag_t(PARENB) | tcflag_t(CRTSCTS))
            cfsetispeed(&options, speed)
            cfsetospeed(&options, speed)
            // VMIN = 0, VTIME = 0: reads never wait; poll(2) does the waiting, with a deadline.
            withUnsafeMutableBytes(of: &options.c_cc) { cc in
                cc[Int(VMIN)] = 0
                cc[Int(VTIME)] = 0
            }
            guard tcsetattr(fd, TCSANOW, &options) == 0 else {
                throw DeviceError(code: .notConnected, message: "Unable to set '\(path)' to \(baud) 8N1: \(String(cString: strerror(errno))).")
            }
            tcflush(fd, TCIOFLUSH)
        } catch {
            Glibc.close(fd)
            throw error
        }
        return SerialLine(path: path, baud: baud, descriptor: fd)
    }

    /// What a transaction ended with.
    public enum Outcome<T: Sendable>: Sendable {
        case completed(T)
        /// The deadline passed; everything received is kept, for the error message.
        case timedOut(received: [UInt8])
    }

    /// Discards unread input, writes `bytes`, then reads until `complete` returns a value or
    /// `timeout` passes. Runs on the blocking pool.
    /// - Parameter complete: fed everything received so far; returns nil while more is needed.
    public func transact<T: Sendable>(_ bytes: [UInt8], timeout: Duration, complete: @escaping @Sendable ([UInt8]) -> T?) async throws(DeviceError) -> Outcome<T> {
        let fd = descriptor
        let path = path
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                let deadline = ContinuousClock.now + timeout
                tcflush(fd, TCIFLUSH)
                try Self.writeAll(bytes, fd: fd, path: path, deadline: deadline)
                var received: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 4096)
                while true {
                    if let result = complete(received) { return .completed(result) }
                    guard let milliseconds = Self.millisecondsLeft(until: deadline) else { return .timedOut(received: received) }
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, milliseconds)
                    if ready < 0 {
                        if errno == EINTR { continue }
                        throw DeviceError.gone(path, errno: errno)
                    }
                    if ready == 0 { continue }
                    let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                    if count > 0 {
                        received += chunk[0..<count]
                    } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                        // EOF or EIO: the USB adapter was unplugged, or the pty's other end closed.
                        throw DeviceError.gone(path, errno: count == 0 ? EIO : errno)
                    }
                }
            }
        } catch let error as DeviceError {
            throw error
        } catch {
            throw DeviceError(code: .notConnected, message: "'\(path)' failed: \(error).")
        }
    }

    public func close() {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        if !wasClosed { Glibc.close(descriptor) }
    }

    deinit { close() }

    private static func writeAll(_ bytes: [UInt8], fd: CInt, path: String, deadline: ContinuousClock.Instant) throws(DeviceError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
                continue
            }
            guard errno == EAGAIN || errno == EINTR else { throw DeviceError.gone(path, errno: errno) }
            guard let milliseconds = millisecondsLeft(until: deadline) else {
                throw DeviceError(code: .timedOut, message: "'\(path)' does not accept data (output blocked); check the cable and the reader's power.")
            }
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&poller, 1, milliseconds)
        }
    }

    private static func millisecondsLeft(until deadline: ContinuousClock.Instant) -> Int32? {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return nil }
        let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(max(1, min(milliseconds, 60_000)))
    }

    static func speed(for baud: Int) -> speed_t? {
        switch baud {
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115200: speed_t(B115200)
        default: nil
        }
    }
}
