#if canImport(Glibc)
import Glibc
#endif

/// The daemons' open-file limit. systemd starts services with a soft limit of 1024 (for old
/// programs' select(2)) and a high hard limit, and expects epoll programs to raise the soft one
/// themselves: kiosk-hall holds a descriptor per kiosk connection, kioskd one per control client.
/// The units' LimitNOFILE sets the hard limit this raises to.
public enum FileLimit {
    /// Raises the soft RLIMIT_NOFILE to the hard limit and returns the new soft limit (or the
    /// unchanged one, when the kernel refuses).
    @discardableResult
    public static func raiseToHardLimit() -> UInt64 {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        guard limit.rlim_cur < limit.rlim_max else { return UInt64(limit.rlim_cur) }
        let soft = limit.rlim_cur
        limit.rlim_cur = limit.rlim_max
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? UInt64(limit.rlim_max) : UInt64(soft)
    }
}
