import CLibUSB
import NIOPosix

/// A USB printer through libusb: the kernel's usblp driver is detached, the printer interface
/// claimed, and bulk OUT / bulk IN transfers carry the bytes with timeouts (docs/protocols/escpos.md:
/// use one path per device, never usblp and libusb at once).
///
/// `@unchecked Sendable`: libusb device handles are safe to use from any thread for
/// synchronous transfers; the one driver that owns the stream awaits one call at a time.
public final class USBPrinterStream: PrinterByteStream, @unchecked Sendable {
    private let context: OpaquePointer
    private let handle: OpaquePointer
    private let interfaceNumber: Int32
    private let outEndpoint: UInt8
    private let inEndpoint: UInt8?
    let name: String

    public var canRead: Bool { inEndpoint != nil }

    /// Opens the first device with this vendor and product id. Blocks on sysfs: runs on the pool.
    public static func open(vendorID: UInt16, productID: UInt16) async throws(PrinterError) -> USBPrinterStream {
        let name = "usb:\(USBDeviceDescription.hex(vendorID)):\(USBDeviceDescription.hex(productID))"
        do {
            return try await NIOThreadPool.singleton.runIfActive { () throws -> USBPrinterStream in
                try USBPrinterStream(vendorID: vendorID, productID: productID, name: name)
            }
        } catch let error as PrinterError {
            throw error
        } catch {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': \(error)")
        }
    }

    private init(vendorID: UInt16, productID: UInt16, name: String) throws(PrinterError) {
        self.name = name
        var context: OpaquePointer?
        let initialised = libusb_init(&context)
        guard initialised == 0, let context else {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': libusb cannot start (\(USBError(call: "libusb_init", code: initialised))).")
        }
        guard let handle = libusb_open_device_with_vid_pid(context, vendorID, productID) else {
            libusb_exit(context)
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': no such USB device (or no permission to open it); check the cable, `lsusb`, and udev/70-kioskd.rules.")
        }
        // Find the printer-class interface (7) and its bulk endpoints.
        var found: (interface: Int32, out: UInt8, in: UInt8?)?
        let device = libusb_get_device(handle)
        var configuration: UnsafeMutablePointer<libusb_config_descriptor>?
        if libusb_get_active_config_descriptor(device, &configuration) == 0, let configuration {
            defer { libusb_free_config_descriptor(configuration) }
            for index in 0..<Int(configuration.pointee.bNumInterfaces) where found == nil {
                let interface = configuration.pointee.interface[index]
                guard interface.num_altsetting > 0 else { continue }
                let setting = interface.altsetting[0]
                // Epson's 04b8:0202 is vendor class (255) with the same bulk pair; take it too.
                guard setting.bInterfaceClass == 7 || setting.bInterfaceClass == 255 else { continue }
                var outAddress: UInt8?
                var inAddress: UInt8?
                for endpointIndex in 0..<Int(setting.bNumEndpoints) {
                    let endpoint = setting.endpoint[endpointIndex]
                    guard endpoint.bmAttributes & 0x03 == UInt8(LIBUSB_TRANSFER_TYPE_BULK.rawValue) else { continue }
                    if endpoint.bEndpointAddress & 0x80 != 0 { inAddress = inAddress ?? endpoint.bEndpointAddress } else { outAddress = outAddress ?? endpoint.bEndpointAddress }
                }
                if let outAddress { found = (Int32(setting.bInterfaceNumber), outAddress, inAddress) }
            }
        }
        guard let found else {
            libusb_close(handle)
            libusb_exit(context)
            throw PrinterError(code: .badConfiguration, message: "Printer '\(name)': the USB device has no printer interface with a bulk OUT endpoint; is this the right vendor:product?")
        }
        // Detach usblp while we hold the interface, and give it back on release.
        _ = libusb_set_auto_detach_kernel_driver(handle, 1)
        let claimed = libusb_claim_interface(handle, found.interface)
        guard claimed == 0 else {
            libusb_close(handle)
            libusb_exit(context)
            let code: PrinterError.Code = claimed == LIBUSB_ERROR_BUSY.rawValue ? .busy : .notConnected
            throw PrinterError(code: code, message: "Printer '\(name)': cannot claim its interface (\(USBError(call: "libusb_claim_interface", code: claimed))); is a CUPS USB queue or another kioskd using it?")
        }
        self.context = context
        self.handle = handle
        self.interfaceNumber = found.interface
        self.outEndpoint = found.out
        self.inEndpoint = found.in
    }

    deinit {
        libusb_release_interface(handle, interfaceNumber)
        libusb_close(handle)
        libusb_exit(context)
    }

    public func write(_ bytes: [UInt8], timeout: Duration) async throws(PrinterError) {
        try await transfer(timeout: timeout) { [self] milliseconds in
            let handle = self.handle, outEndpoint = self.outEndpoint
            var data = bytes
            var offset = 0
            // A stall (LIBUSB_ERROR_PIPE) is cleared and retried a few times, as libusb's xusb does;
            // more means the printer really refuses.
            var stalls = 0
            while offset < data.count {
                var transferred: Int32 = 0
                let result = data.withUnsafeMutableBufferPointer { buffer in
                    libusb_bulk_transfer(handle, outEndpoint, buffer.baseAddress! + offset, Int32(buffer.count - offset), &transferred, UInt32(milliseconds))
                }
                offset += Int(transferred)
                if result == LIBUSB_ERROR_PIPE.rawValue, stalls < 3 {
                    stalls += 1
                    libusb_clear_halt(handle, outEndpoint)
                    continue
                }
                if result != 0 { return (result, ()) }
            }
            return (0, ())
        }
    }

    public func read(maximum: Int, timeout: Duration) async throws(PrinterError) -> [UInt8] {
        guard let inEndpoint else { return [] }
        return try await transfer(timeout: timeout) { [self] milliseconds in
            let handle = self.handle
            var buffer = [UInt8](repeating: 0, count: maximum)
            var transferred: Int32 = 0
            let result = libusb_bulk_transfer(handle, inEndpoint, &buffer, Int32(maximum), &transferred, UInt32(milliseconds))
            // Nothing to read is not an error for a status poll.
            return (result == LIBUSB_ERROR_TIMEOUT.rawValue ? 0 : result, Array(buffer[..<Int(transferred)]))
        }
    }

    public func close() async {}

    private func transfer<T: Sendable>(timeout: Duration, _ body: @escaping @Sendable (Int) -> (Int32, T)) async throws(PrinterError) -> T {
        let result: Int32
        let value: T
        do {
            (result, value) = try await NIOThreadPool.singleton.runIfActive { body(max(1, timeout.milliseconds)) }
        } catch {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': \(error)")
        }
        switch result {
        case 0: return value
        case LIBUSB_ERROR_TIMEOUT.rawValue:
            throw PrinterError(code: .timedOut, message: "Printer '\(name)' did not take the data in time; it may be jammed or out of paper.")
        case LIBUSB_ERROR_NO_DEVICE.rawValue:
            throw PrinterError(code: .notConnected, message: "Printer '\(name)' was unplugged; check the USB cable, kioskd reconnects by itself.")
        default:
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': \(USBError(call: "libusb_bulk_transfer", code: result)).")
        }
    }
}
