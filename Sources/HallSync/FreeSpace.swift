#if canImport(Glibc)
import Glibc
#endif

/// Free bytes for unprivileged writers on the file system holding `path` (statvfs(3)); nil if
/// it cannot be asked. Blocking: call it on NIO's thread pool.
enum FreeSpace {
    static func bytes(at path: String) -> Int64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Below this the journal's next commits may fail: warn the technician.
    static let warningThreshold: Int64 = 64 * 1024 * 1024
}
