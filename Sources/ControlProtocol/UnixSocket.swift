#if canImport(Glibc)
import Glibc
#endif

/// AF_UNIX socket boilerplate in one place: kioskctl, kiosk-sim and the tests all talk to
/// Unix sockets, and sockaddr_un is easy to get subtly wrong.
public enum UnixSocket {
    /// Calls `body` with a sockaddr_un for `path`; nil when the path does not fit (108 bytes).
    public static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// A connected stream socket (close-on-exec), or the errno of what failed.
    public static func connect(to path: String) -> Result<Int32, Errno> {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        let result = withAddress(path) { Glibc.connect(fd, $0, $1) } ?? { errno = ENAMETOOLONG; return -1 }()
        guard result == 0 else {
            let code = errno
            close(fd)
            return .failure(Errno(code))
        }
        return .success(fd)
    }

    /// A bound socket of `type` (SOCK_STREAM, SOCK_DGRAM), listening when it is a stream.
    public static func bind(_ path: String, type: Int32 = Int32(SOCK_STREAM.rawValue)) -> Result<Int32, Errno> {
        let fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        let bound = withAddress(path) { Glibc.bind(fd, $0, $1) } ?? { errno = ENAMETOOLONG; return -1 }()
        guard bound == 0, type != Int32(SOCK_STREAM.rawValue) || listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            return .failure(Errno(code))
        }
        return .success(fd)
    }

    /// An errno value with strerror's text.
    public struct Errno: Error, Equatable, CustomStringConvertible {
        public var code: Int32
        public init(_ code: Int32) { self.code = code }
        public var description: String { String(cString: strerror(code)) }
    }
}
