#if canImport(Glibc)
import Glibc
#endif

extension DeviceError {
    /// A failed open(2) of a framebuffer, a DRM card or a frame file.
    static func openDisplay(_ path: String, errno: CInt) -> DeviceError {
        switch errno {
        case ENOENT, ENXIO, ENODEV:
            DeviceError(code: .notConnected, message: "No display at '\(path)'; check the device in [devices.display] (ls /dev/fb* /dev/dri/) and that the panel's driver is loaded.")
        case EACCES, EPERM:
            DeviceError(code: .notConnected, message: "Permission denied opening '\(path)'; kioskd's user needs the 'video' group (see udev/).")
        case EBUSY:
            DeviceError(code: .busy, message: "'\(path)' is in use; is another kioskd or a desktop session running?")
        default:
            DeviceError(code: .notConnected, message: "Unable to open '\(path)': \(String(cString: strerror(errno))).")
        }
    }

    /// A display call that failed: `call` names it ("FBIOGET_VSCREENINFO", "mmap"), `fix` says what to do.
    static func display(_ path: String, _ call: String, errno: CInt, fix: String) -> DeviceError {
        let code: Code = errno == ENODEV || errno == ENXIO ? .notConnected : .deviceFault
        return DeviceError(code: code, message: "\(call) failed on '\(path)': \(String(cString: strerror(errno))); \(fix)")
    }

    /// A display location string that cannot be used.
    static func badDisplayLocation(_ location: String, _ problem: String) -> DeviceError {
        DeviceError(code: .deviceFault, message: "Display '\(location)': \(problem). Use /dev/fb0, fbdev:/dev/fb0, drm:/dev/dri/card0 or file:PATH?width=W&height=H[&format=xrgb8888|xbgr8888|rgb565|bgr565][&line_length=BYTES].")
    }

    /// A failed open(2) of an evdev node or an input pipe.
    static func openInput(_ path: String, errno: CInt) -> DeviceError {
        switch errno {
        case ENOENT, ENXIO, ENODEV:
            DeviceError(code: .notConnected, message: "Nothing at '\(path)'; check the USB cable and the udev rule that names the device (ls -l /dev/input/by-id/).")
        case EACCES, EPERM:
            DeviceError(code: .notConnected, message: "Permission denied opening '\(path)'; kioskd's user needs the 'input' group (see udev/).")
        default:
            DeviceError(code: .notConnected, message: "Unable to open '\(path)': \(String(cString: strerror(errno))).")
        }
    }

    /// An input device that failed in the middle of reading: it went away.
    static func inputGone(_ path: String, errno: CInt) -> DeviceError {
        DeviceError(code: .notConnected, message: "'\(path)' went away (\(String(cString: strerror(errno)))); was it unplugged? Reopen it when it is back.")
    }
}
