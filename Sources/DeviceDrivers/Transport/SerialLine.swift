#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A serial tty (or a pty) opened raw, 8N1, non-blocking and exclusive. Calls that wait run on
/// NIO's blocking pool, never on the Swift concurrency pool, and every wait is bounded by
/// `NonBlockingDescriptor`'s poll deadlines.
public final class SerialLine: Sendable {
    public let path: String
    public let baud: Int
    private let descriptor: NonBlockingDescriptor
    private let isClosed = Mutex(false)

    public static let supportedBauds = [9600, 19200, 38400, 57600, 115200]

    private init(path: String, baud: Int, descriptor: NonBlockingDescriptor) {
        self.path = path
        self.baud = baud
        self.descriptor = descriptor
    }

    /// Opens `path` at `baud`. Blocks briefly (open, ioctls): runs on the blocking pool.
    public static func open(_ path: String, baud: Int) async throws(DeviceError) -> SerialLine {
        try await Offload.run { () throws(DeviceError) in try openBlocking(path, baud: baud) } otherwise: {
            DeviceError(code: .notConnected, message: "Unable to open '\(path)': \($0).")
        }
    }

    static func openBlocking(_ path: String, baud: Int) throws(DeviceError) -> SerialLine {
        guard let speed = speed(for: baud) else {
            throw DeviceError(code: .protocolViolation, message: "Baud \(baud) is not supported for '\(path)'; use one of \(supportedBauds.map(String.init).joined(separator: ", ")).")
        }
        // O_NOCTTY (added by NonBlockingDescriptor.open): a reader must never become kioskd's
        // controlling terminal.
        let descriptor: NonBlockingDescriptor
        do {
            descriptor = try NonBlockingDescriptor.open(path, flags: O_RDWR)
        } catch {
            guard case .system(_, let code) = error else { throw DeviceError.open(path, errno: EIO) }
            throw DeviceError.open(path, errno: code)
        }
        let fd = descriptor.rawValue
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
            descriptor.close()
            throw error
        }
        return SerialLine(path: path, baud: baud, descriptor: descriptor)
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
        let descriptor = descriptor
        let path = path
        return try await Offload.run { () throws(DeviceError) -> Outcome<T> in
            let deadline = NonBlockingDescriptor.now() + max(1, timeout.milliseconds)
            tcflush(descriptor.rawValue, TCIFLUSH)
            do throws(NonBlockingDescriptor.Failure) {
                try descriptor.writeAll(bytes, timeoutMilliseconds: deadline - NonBlockingDescriptor.now())
                var received: [UInt8] = []
                while true {
                    if let result = complete(received) { return .completed(result) }
                    let left = deadline - NonBlockingDescriptor.now()
                    guard left > 0 else { return .timedOut(received: received) }
                    received += try descriptor.read(maximum: 4096, timeoutMilliseconds: left)
                }
            } catch {
                throw Self.deviceError(error, path: path)
            }
        } otherwise: {
            DeviceError(code: .notConnected, message: "'\(path)' failed: \($0).")
        }
    }

    /// Only a write can time out: a read that times out returns nothing and the caller decides.
    /// EOF and EIO mean the USB adapter was unplugged, or the pty's other end closed.
    private static func deviceError(_ failure: NonBlockingDescriptor.Failure, path: String) -> DeviceError {
        switch failure {
        case .timedOut:
            DeviceError(code: .timedOut, message: "'\(path)' does not accept data (output blocked); check the cable and the reader's power.")
        case .closed:
            .gone(path, errno: EIO)
        case .system(_, let code):
            .gone(path, errno: code)
        }
    }

    public func close() {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        if !wasClosed { descriptor.close() }
    }

    deinit { close() }

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
