#if canImport(Glibc)
import Glibc
#endif

extension DeviceError {
    /// A display call that failed: `call` names it ("FBIOGET_VSCREENINFO", "mmap"), `fix` says what to do.
    static func display(_ path: String, _ call: String, errno: CInt, fix: String) -> DeviceError {
        let code: Code = errno == ENODEV || errno == ENXIO ? .notConnected : .deviceFault
        return DeviceError(code: code, message: "\(call) failed on '\(path)': \(String(cString: strerror(errno))); \(fix)")
    }

    /// A display location string that cannot be used.
    static func badDisplayLocation(_ location: String, _ problem: String) -> DeviceError {
        DeviceError(code: .deviceFault, message: "Display '\(location)': \(problem). Use /dev/fb0, fbdev:/dev/fb0, drm:/dev/dri/card0 or file:PATH?width=W&height=H[&format=xrgb8888|xbgr8888|rgb565|bgr565][&line_length=BYTES].")
    }
}
