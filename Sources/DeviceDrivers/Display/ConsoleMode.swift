#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices

/// The text console's mode. The kernel's console draws its cursor (and any kernel message) over
/// the framebuffer; KD_GRAPHICS stops it. Restored on close, so a stopped kioskd gives the
/// console back to the technician.
struct ConsoleMode: Sendable {
    let descriptor: CInt
    let previousMode: CInt
    let path: String

    /// Switches the active VT to graphics mode. On failure (no VT, no permission) returns the
    /// reason as a note for the log, and the screen works anyway.
    static func enterGraphics(path: String = "/dev/tty0") -> Result<ConsoleMode, ConsoleNote> {
        let descriptor = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            return .failure(ConsoleNote(path: path, errno: errno))
        }
        var mode: CInt = 0
        guard kiosk_kd_get_mode(descriptor, &mode) == 0, kiosk_kd_set_mode(descriptor, CInt(KD_GRAPHICS)) == 0 else {
            let failure = errno
            close(descriptor)
            return .failure(ConsoleNote(path: path, errno: failure))
        }
        return .success(ConsoleMode(descriptor: descriptor, previousMode: mode, path: path))
    }

    func restore() {
        _ = kiosk_kd_set_mode(descriptor, previousMode)
        close(descriptor)
    }
}

/// Why the console could not be switched to graphics mode, as one log line.
struct ConsoleNote: Error, Sendable, CustomStringConvertible {
    let path: String
    let errno: CInt
    var description: String {
        "Could not switch the console '\(path)' to graphics mode (\(String(cString: strerror(errno)))); its cursor may blink over the screen: run kioskd with access to the VT (group 'tty') or boot with vt.global_cursor_default=0."
    }
}
