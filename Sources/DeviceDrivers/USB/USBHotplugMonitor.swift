import CLibUSB
import Foundation
import Synchronization

/// A USB device arriving on or leaving a bus.
public enum USBHotplugEvent: Sendable, Equatable {
    case arrived(USBDeviceDescription)
    case left(USBDeviceDescription)
}

/// Watches the USB buses through libusb's hotplug callbacks (libusb reads udev's or the kernel's
/// uevents): every device present at start, then each arrival and departure. One thread of its
/// own sleeps in `libusb_handle_events` (nothing runs while nothing is plugged);
/// `stop()` wakes it with `libusb_interrupt_event_handler` and ends `events`.
public final class USBHotplugMonitor: Sendable {
    public let events: AsyncStream<USBHotplugEvent>
    private let sink: Sink
    private let context: ContextPointer
    private let stopped = Atomic<Bool>(false)

    /// libusb's context pointer: libusb contexts are thread-safe.
    private struct ContextPointer: @unchecked Sendable { let pointer: OpaquePointer }

    /// What the C callback reaches through its user-data pointer.
    private final class Sink: Sendable {
        let continuation: AsyncStream<USBHotplugEvent>.Continuation
        /// While registering: the devices already present (libusb reports them before
        /// `libusb_hotplug_register_callback` returns); nil afterwards.
        let present = Mutex<[USBDeviceDescription]?>([])
        init(_ continuation: AsyncStream<USBHotplugEvent>.Continuation) { self.continuation = continuation }

        func report(_ event: USBHotplugEvent) {
            let enumerated = present.withLock { present -> Bool in
                guard present != nil, case .arrived(let device) = event else { return false }
                present!.append(device)
                return true
            }
            if !enumerated { continuation.yield(event) }
        }
    }

    /// Whether this libusb can tell arrivals and departures (Linux with udev or netlink: yes).
    public static var isSupported: Bool { libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0 }

    public init() throws(USBError) {
        var pointer: OpaquePointer?
        let result = libusb_init(&pointer)
        guard result == 0, let pointer else { throw USBError(call: "libusb_init", code: result) }
        context = ContextPointer(pointer: pointer)
        let (events, continuation) = AsyncStream.makeStream(of: USBHotplugEvent.self, bufferingPolicy: .bufferingNewest(256))
        self.events = events
        sink = Sink(continuation)
    }

    /// Registers for every device and starts the thread; returns the devices present now.
    /// `events` then tells what changes.
    public func start() throws(USBError) -> [USBDeviceDescription] {
        let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
        let result = libusb_hotplug_register_callback(
            context.pointer, events, Int32(LIBUSB_HOTPLUG_ENUMERATE.rawValue),
            LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            { _, device, event, userData in
                guard let device, let userData else { return 0 }
                var descriptor = libusb_device_descriptor()
                guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return 0 }
                let found = USBDeviceDescription(vendorID: descriptor.idVendor, productID: descriptor.idProduct,
                                                 bus: libusb_get_bus_number(device), address: libusb_get_device_address(device))
                let sink = Unmanaged<Sink>.fromOpaque(userData).takeUnretainedValue()
                sink.report(event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED ? .arrived(found) : .left(found))
                return 0  // stay registered
            },
            Unmanaged.passUnretained(sink).toOpaque(), nil)
        guard result == 0 else {
            sink.continuation.finish()
            throw USBError(call: "libusb_hotplug_register_callback", code: result)
        }
        let present = sink.present.withLock { present in
            defer { present = nil }
            return present ?? []
        }
        let thread = Thread { [self] in
            while !stopped.load(ordering: .acquiring) {
                libusb_handle_events_completed(context.pointer, nil)
            }
            sink.continuation.finish()
            libusb_exit(context.pointer)
        }
        thread.name = "kioskd USB hotplug"
        thread.start()
        return present
    }

    /// Wakes the thread and ends `events`; the context is released when the thread returns.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        libusb_interrupt_event_handler(context.pointer)
    }
}
