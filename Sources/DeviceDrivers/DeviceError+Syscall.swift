#if canImport(Glibc)
import Glibc
#endif

extension DeviceError {
    /// Maps a failed open(2) of a device node. See 'man 2 open'.
    static func open(_ path: String, errno: CInt) -> DeviceError {
        switch errno {
        case ENOENT, ENXIO, ENODEV:
            DeviceError(code: .notConnected, message: "Nothing at '\(path)'; check the USB cable and that the reader has power.")
        case EBUSY:
            DeviceError(code: .busy, message: "'\(path)' is in use; is another kioskd running?")
        case EACCES, EPERM:
            DeviceError(code: .notConnected, message: "Permission denied opening '\(path)'; kioskd's user needs the 'dialout' group (see udev/).")
        default:
            DeviceError(code: .notConnected, message: "Unable to open '\(path)': \(String(cString: strerror(errno))).")
        }
    }

    /// A device that failed in the middle of I/O: it went away.
    static func gone(_ path: String, errno: CInt) -> DeviceError {
        DeviceError(code: .notConnected, message: "'\(path)' went away (\(String(cString: strerror(errno)))); was the reader unplugged? kioskd reconnects when it is back.")
    }
}
