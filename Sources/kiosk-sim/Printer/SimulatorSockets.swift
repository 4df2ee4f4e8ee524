#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The simulator's blocking sockets. It runs its own threads, so blocking calls are fine here.
enum SimulatorSockets {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ call: String, _ what: String) { description = "kiosk-sim printer: \(call) \(what): \(String(cString: strerror(errno)))" }
    }

    static func listenTCP(port: Int) throws -> CInt {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var yes: CInt = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<CInt>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw Failure("bind", "127.0.0.1:\(port)") }
        return descriptor
    }

    static func unixAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw Failure("socket path", "'\(path)' is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    static func listenUnix(path: String) throws -> CInt {
        unlink(path)
        var address = try unixAddress(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw Failure("bind", "'\(path)'") }
        return descriptor
    }

    static func connectUnix(path: String) throws -> CInt {
        var address = try unixAddress(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard connected == 0 else { throw Failure("connect", "'\(path)' (is the simulator running?)") }
        return descriptor
    }

    /// A pty in raw mode whose slave is linked at `path`; returns the master.
    static func openPTY(linkedAt path: String) throws -> CInt {
        // posix_openpt/grantpt/unlockpt are not visible to Swift without _XOPEN_SOURCE; these are
        // the ioctls they make on Linux (see pts(4)).
        // TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int) from
        // asm-generic/ioctls.h (x86_64 and arm64 alike); Swift does not import function-like macros.
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: CInt = 0
        var number: CUnsignedInt = 0
        guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else { throw Failure("open", "/dev/ptmx") }
        let name = "/dev/pts/\(number)"
        var settings = termios()
        tcgetattr(master, &settings)
        cfmakeraw(&settings)
        tcsetattr(master, TCSANOW, &settings)
        // Hold the slave open for the simulator's lifetime: while no process has it open, read()
        // on the master fails with EIO at once instead of waiting for the next writer.
        guard open(name, O_RDWR | O_NOCTTY | O_CLOEXEC) >= 0 else { throw Failure("open", name) }
        unlink(path)
        guard symlink(name, path) == 0 else { throw Failure("symlink", "'\(path)'") }
        return master
    }

    /// Reads up to a newline (or end of stream, or 4 KiB).
    static func readLine(_ descriptor: CInt) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 4096, read(descriptor, &byte, 1) == 1, byte != 0x0A { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    static func writeLine(_ descriptor: CInt, _ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
