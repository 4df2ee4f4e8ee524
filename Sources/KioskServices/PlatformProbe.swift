import ControlProtocol
import DeviceDrivers
import Graphics
import Logging

/// Checks at start-up that the C libraries kioskd drives devices through work on this machine:
/// libusb can list the buses, libcups can reach (or not) its scheduler, FreeType starts.
/// Each result is logged once and kept for `kioskctl status`.
package enum PlatformProbe {
    /// Blocks (sysfs reads, a CUPS connect with a 1 s timeout): call from a thread that may block.
    package static func run(logger: Logger) -> PlatformSummary {
        var usbDeviceCount: Int?
        do {
            let devices = try USBContext().devices()
            usbDeviceCount = devices.count
            logger.info("libusb ready", metadata: ["libusb.version": "\(USBContext.libraryVersion)", "usb.devices": "\(devices.count)"])
        } catch {
            logger.error("libusb cannot list USB devices; USB readers and printers will not be found. Check that /dev/bus/usb is readable.", metadata: ["error": "\(error)"])
        }

        let cups = CUPSServer.check()
        if cups.reachable {
            logger.info("CUPS scheduler answers", metadata: ["cups.server": "\(cups.name)"])
        } else {
            logger.notice("CUPS scheduler not reachable; CUPS printers will be unavailable until it runs", metadata: ["cups.server": "\(cups.name)", "cause": "\(cups.problem ?? "")"])
        }

        var freetypeVersion = "unavailable"
        do {
            freetypeVersion = try FreeTypeLibrary().version
        } catch {
            logger.error("FreeType does not start; the screen cannot draw text", metadata: ["error": "\(error)"])
        }

        return PlatformSummary(
            libusbVersion: USBContext.libraryVersion,
            usbDeviceCount: usbDeviceCount,
            cupsServer: cups.name,
            cupsReachable: cups.reachable,
            freetypeVersion: freetypeVersion)
    }
}
