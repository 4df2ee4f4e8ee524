#if canImport(Glibc)
import Glibc
#endif
import NIOPosix

/// A printer behind a file descriptor: a TCP socket, a usblp device node, or a plain file.
/// The descriptor is non-blocking and every wait has a timeout, so a jammed printer costs a pool
/// thread for at most that long.
public final class DescriptorPrinterStream: PrinterByteStream {
    let descriptor: NonBlockingDescriptor
    /// Names the printer in messages, e.g. "tcp:127.0.0.1:9100".
    let name: String
    public let canRead: Bool

    init(descriptor: NonBlockingDescriptor, name: String, canRead: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.canRead = canRead
    }

    /// Connects to a raw TCP printer (port 9100 on most).
    public static func connect(host: String, port: Int, timeout: Duration = .seconds(3)) async throws(PrinterError) -> DescriptorPrinterStream {
        let name = "tcp:\(host):\(port)"
        return try await runBlocking(name) { () throws(NonBlockingDescriptor.Failure) in
            let descriptor = try NonBlockingDescriptor.connectTCP(host: host, port: port, timeoutMilliseconds: timeout.milliseconds)
            return DescriptorPrinterStream(descriptor: descriptor, name: name, canRead: true)
        }
    }

    /// Opens a usblp device node read-write; bidirectional printers answer status through it.
    public static func openUSBLP(path: String) async throws(PrinterError) -> DescriptorPrinterStream {
        let name = "usblp:\(path)"
        return try await runBlocking(name) { () throws(NonBlockingDescriptor.Failure) in
            DescriptorPrinterStream(descriptor: try NonBlockingDescriptor.open(path, flags: O_RDWR), name: name, canRead: true)
        }
    }

    /// Opens (creating) a file to append the printer bytes to.
    public static func openFile(path: String) async throws(PrinterError) -> DescriptorPrinterStream {
        let name = "file:\(path)"
        return try await runBlocking(name) { () throws(NonBlockingDescriptor.Failure) in
            DescriptorPrinterStream(descriptor: try NonBlockingDescriptor.open(path, flags: O_WRONLY | O_APPEND | O_CREAT), name: name, canRead: false)
        }
    }

    public func write(_ bytes: [UInt8], timeout: Duration) async throws(PrinterError) {
        try await Self.runBlocking(name) { [descriptor] () throws(NonBlockingDescriptor.Failure) in
            try descriptor.writeAll(bytes, timeoutMilliseconds: timeout.milliseconds)
        }
    }

    public func read(maximum: Int, timeout: Duration) async throws(PrinterError) -> [UInt8] {
        guard canRead else { return [] }
        return try await Self.runBlocking(name) { [descriptor] () throws(NonBlockingDescriptor.Failure) in
            try descriptor.read(maximum: maximum, timeoutMilliseconds: timeout.milliseconds)
        }
    }

    public func close() async {
        descriptor.close()
    }

    static func runBlocking<T: Sendable>(_ name: String, _ body: @escaping @Sendable () throws(NonBlockingDescriptor.Failure) -> T) async throws(PrinterError) -> T {
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                do {
                    return try body()
                } catch let failure as NonBlockingDescriptor.Failure {
                    throw PrinterError.descriptor(failure, name: name)
                }
            }
        } catch let error as PrinterError {
            throw error
        } catch {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': \(error)")
        }
    }
}

extension PrinterError {
    /// Maps a failed system call on a printer's descriptor to what the technician should do.
    static func descriptor(_ failure: NonBlockingDescriptor.Failure, name: String) -> PrinterError {
        switch failure {
        case .timedOut:
            return PrinterError(code: .timedOut, message: "Printer '\(name)' did not answer in time; it may be jammed, asleep or unplugged. Check its power and paper path.")
        case .closed:
            return PrinterError(code: .notConnected, message: "Printer '\(name)' closed the connection; check its power and cable, kioskd reconnects by itself.")
        case let .system(call, errno):
            let text = String(cString: strerror(errno))
            return switch errno {
            case ENOENT, ENODEV, ENXIO:
                PrinterError(code: .notConnected, message: "Printer '\(name)': nothing there (\(call): \(text)); check the USB cable and that the printer is on.")
            case EBUSY:
                PrinterError(code: .busy, message: "Printer '\(name)' is in use (\(call): \(text)); is another kioskd or a CUPS USB queue using it?")
            case EACCES, EPERM:
                PrinterError(code: .notConnected, message: "Printer '\(name)': permission denied (\(call)); install udev/70-kioskd.rules or add kioskd's user to the lp group.")
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, ETIMEDOUT:
                PrinterError(code: .notConnected, message: "Printer '\(name)' is not reachable (\(call): \(text)); check that it is on and its network address.")
            default:
                PrinterError(code: .notConnected, message: "Printer '\(name)': \(call) failed: \(text).")
            }
        }
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 for a positive duration.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
