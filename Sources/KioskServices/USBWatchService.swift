import DeviceDrivers
import Logging
import ServiceLifecycle

/// Logs every USB device arriving and leaving (libusb hotplug), so that a technician sees in
/// `kioskctl logs` that the reader or printer was unplugged at 03:12 and when it came back,
/// whatever the device's driver makes of it. Nothing runs while nothing is plugged.
///
/// An arrival is also told to `onArrival` (the card reader and the printers), so that a device
/// plugged back in is opened at once instead of at the end of its service's retry wait.
package struct USBWatchService: Service {
    let logger: Logger
    let onArrival: @Sendable () -> Void

    package init(logger: Logger, onArrival: @escaping @Sendable () -> Void) {
        self.logger = logger
        self.onArrival = onArrival
    }

    package func run() async throws {
        guard USBHotplugMonitor.isSupported else {
            logger.notice("This libusb cannot report USB hotplug; USB devices are only listed at start")
            return
        }
        let monitor: USBHotplugMonitor
        let present: [USBDeviceDescription]
        do {
            monitor = try USBHotplugMonitor()
            present = try monitor.start()
        } catch {
            logger.warning("USB hotplug is unavailable; USB devices are only listed at start", metadata: ["cause": "\(error)"])
            return
        }
        logger.info("Watching USB", metadata: ["usb.devices": "\(present.map(\.description).joined(separator: ", "))"])
        await cancelWhenGracefulShutdown {
            await withTaskCancellationHandler {
                for await event in monitor.events {
                    switch event {
                    case .arrived(let device):
                        logger.notice("USB device arrived", metadata: ["usb.device": "\(device)"])
                        onArrival()
                    case .left(let device): logger.notice("USB device left", metadata: ["usb.device": "\(device)"])
                    }
                }
            } onCancel: {
                monitor.stop()
            }
        }
    }
}

extension USBWatchService: CustomStringConvertible {
    package var description: String { "USB hotplug watch" }
}
