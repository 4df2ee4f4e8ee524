#if canImport(Glibc)
import Glibc
#endif

extension DeviceError {
    /// What the errno messages say for one family of devices: what is missing, where to look,
    /// which group kioskd's user needs, who else may hold the device.
    struct Advice: Sendable {
        /// "Nothing at" or "No display at", followed by the path.
        var missingPrefix = "Nothing at"
        /// What to check when nothing is there.
        var missingCheck: String
        /// The group that gives access (see udev/).
        var group: String
        /// Who else may hold a busy device; nil: EBUSY gets the plain message.
        var busyHolder: String?
        /// What happens after the device went away mid-I/O.
        var goneHint = "was it unplugged?"

        static let serialReader = Advice(
            missingCheck: "check the USB cable and that the reader has power.", group: "dialout",
            busyHolder: "another kioskd", goneHint: "was the reader unplugged? kioskd reconnects when it is back.")
        static let display = Advice(
            missingPrefix: "No display at",
            missingCheck: "check the device in [devices.display] (ls /dev/fb* /dev/dri/) and that the panel's driver is loaded.", group: "video",
            busyHolder: "another kioskd or a desktop session")
        static let input = Advice(
            missingCheck: "check the USB cable and the udev rule that names the device (ls -l /dev/input/by-id/).", group: "input",
            busyHolder: nil, goneHint: "was it unplugged? Reopen it when it is back.")
    }

    /// Maps a failed open(2) of a device node. See 'man 2 open'.
    static func open(_ path: String, errno: CInt, advice: Advice = .serialReader) -> DeviceError {
        switch errno {
        case ENOENT, ENXIO, ENODEV:
            DeviceError(code: .notConnected, message: "\(advice.missingPrefix) '\(path)'; \(advice.missingCheck)")
        case EBUSY where advice.busyHolder != nil:
            DeviceError(code: .busy, message: "'\(path)' is in use; is \(advice.busyHolder!) running?")
        case EACCES, EPERM:
            DeviceError(code: .notConnected, message: "Permission denied opening '\(path)'; kioskd's user needs the '\(advice.group)' group (see udev/).")
        default:
            DeviceError(code: .notConnected, message: "Unable to open '\(path)': \(String(cString: strerror(errno))).")
        }
    }

    /// A device that failed in the middle of I/O: it went away.
    static func gone(_ path: String, errno: CInt, advice: Advice = .serialReader) -> DeviceError {
        DeviceError(code: .notConnected, message: "'\(path)' went away (\(String(cString: strerror(errno)))); \(advice.goneHint)")
    }
}
