import CLibUSB
import Synchronization

/// A reader on USB bulk endpoints (iDR200, CVR-100U and similar, 0400:C35A). Frames are not
/// wrapped: the 7-byte header (preamble and length) goes out on EP 0x02 and the rest on 0x06;
/// the answer's header comes in on EP 0x81 and its body on 0x85. Transfers run on NIO's blocking
/// pool with libusb timeouts, so an unplugged reader ends a read with an error, never a hang.
public final class USBReaderTransport: IDCardReaderTransport {
    public static let vendorID: UInt16 = 0x0400
    public static let productID: UInt16 = 0xC35A

    public let name: String
    // libusb handles are thread-safe for transfers; `closed` guards the single release.
    private nonisolated(unsafe) let context: OpaquePointer
    private nonisolated(unsafe) let handle: OpaquePointer
    private let closed = Mutex(false)

    private init(name: String, context: OpaquePointer, handle: OpaquePointer) {
        self.name = name
        self.context = context
        self.handle = handle
    }

    /// Opens the first reader with the given ids, detaching any kernel driver bound to it.
    public static func open(vendorID: UInt16 = vendorID, productID: UInt16 = productID) async throws(DeviceError) -> USBReaderTransport {
        try await Offload.run { () throws(DeviceError) in try openBlocking(vendorID: vendorID, productID: productID) } otherwise: {
            DeviceError(code: .notConnected, message: "Unable to open the USB reader: \($0).")
        }
    }

    static func openBlocking(vendorID: UInt16, productID: UInt16) throws(DeviceError) -> USBReaderTransport {
        let ids = "\(USBDeviceDescription.hex(vendorID)):\(USBDeviceDescription.hex(productID))"
        var context: OpaquePointer?
        guard libusb_init(&context) == 0, let context else {
            throw DeviceError(code: .notConnected, message: "libusb cannot start; is /dev/bus/usb readable?")
        }
        guard let handle = libusb_open_device_with_vid_pid(context, vendorID, productID) else {
            libusb_exit(context)
            throw DeviceError(code: .notConnected, message: "No USB reader \(ids) found (or no permission to open it); check the cable and the udev rules (udev/70-kioskd.rules).")
        }
        libusb_set_auto_detach_kernel_driver(handle, 1)
        let claimed = libusb_claim_interface(handle, 0)
        guard claimed == 0 else {
            libusb_close(handle)
            libusb_exit(context)
            let code: DeviceError.Code = claimed == LIBUSB_ERROR_BUSY.rawValue ? .busy : .notConnected
            throw DeviceError(code: code, message: "Unable to claim the USB reader \(ids): \(USBError(call: "libusb_claim_interface", code: claimed)). Is another program using it?")
        }
        let device = libusb_get_device(handle)
        let name = "USB \(ids) on bus \(libusb_get_bus_number(device)) address \(libusb_get_device_address(device))"
        return USBReaderTransport(name: name, context: context, handle: handle)
    }

    public func exchange(_ command: ReaderCommand) async throws(DeviceError) -> ReaderResponse {
        let frame = command.frame
        let timeoutMilliseconds = UInt32(command.timeout.components.seconds * 1000)
        nonisolated(unsafe) let handle = handle
        let name = name
        return try await Offload.run { () throws(DeviceError) -> ReaderResponse in
            try Self.transfer(handle: handle, endpoint: 0x02, bytes: Array(frame.prefix(7)), timeout: timeoutMilliseconds, name: name)
            try Self.transfer(handle: handle, endpoint: 0x06, bytes: Array(frame.dropFirst(7)), timeout: timeoutMilliseconds, name: name)
            let header = try Self.receive(handle: handle, endpoint: 0x81, count: 7, timeout: timeoutMilliseconds, name: name)
            var decoder = ReaderFrameDecoder()
            decoder.append(header)
            guard header.count == 7, Array(header[1..<5]) == ReaderFrame.syncMarker else {
                throw DeviceError(code: .protocolViolation, message: "\(name) answered '\(command)' with a header that is not a SAM frame.")
            }
            let length = Int(header[5]) << 8 | Int(header[6])
            guard (4...ReaderFrame.maximumLength).contains(length) else {
                throw DeviceError(code: .protocolViolation, message: "\(name) announced a \(length)-byte answer to '\(command)'.")
            }
            decoder.append(try Self.receive(handle: handle, endpoint: 0x85, count: length, timeout: timeoutMilliseconds, name: name))
            switch decoder.nextResponse() {
            case .success(let response)?: return response
            case .failure(let error)?: throw DeviceError(code: .protocolViolation, message: "\(name) answered '\(command)' with a garbled frame (\(error)).")
            case nil: throw DeviceError(code: .protocolViolation, message: "\(name) sent a short answer to '\(command)'.")
            }
        } otherwise: {
            DeviceError(code: .notConnected, message: "\(name) failed: \($0).")
        }
    }

    public func close() async {
        let wasClosed = closed.withLock { value in
            defer { value = true }
            return value
        }
        guard !wasClosed else { return }
        libusb_release_interface(handle, 0)
        libusb_close(handle)
        libusb_exit(context)
    }

    private static func transfer(handle: OpaquePointer, endpoint: UInt8, bytes: [UInt8], timeout: UInt32, name: String) throws(DeviceError) {
        guard !bytes.isEmpty else { return }
        var data = bytes
        var transferred: Int32 = 0
        var result = libusb_bulk_transfer(handle, endpoint, &data, Int32(data.count), &transferred, timeout)
        if result == LIBUSB_ERROR_PIPE.rawValue {
            // The endpoint stalled: clear the halt and try once more, as libusb's xusb example does.
            libusb_clear_halt(handle, endpoint)
            result = libusb_bulk_transfer(handle, endpoint, &data, Int32(data.count), &transferred, timeout)
        }
        try check(result, name: name, what: "sending to endpoint \(hex(endpoint))")
    }

    private static func receive(handle: OpaquePointer, endpoint: UInt8, count: Int, timeout: UInt32, name: String) throws(DeviceError) -> [UInt8] {
        var data = [UInt8](repeating: 0, count: count)
        var transferred: Int32 = 0
        var result = libusb_bulk_transfer(handle, endpoint, &data, Int32(count), &transferred, timeout)
        if result == LIBUSB_ERROR_PIPE.rawValue {
            libusb_clear_halt(handle, endpoint)
            result = libusb_bulk_transfer(handle, endpoint, &data, Int32(count), &transferred, timeout)
        }
        try check(result, name: name, what: "reading endpoint \(hex(endpoint))")
        return Array(data.prefix(Int(transferred)))
    }

    private static func check(_ result: Int32, name: String, what: String) throws(DeviceError) {
        switch result {
        case 0: return
        case LIBUSB_ERROR_NO_DEVICE.rawValue:
            throw DeviceError(code: .notConnected, message: "\(name) went away while \(what); was it unplugged? kioskd reconnects when it is back.")
        case LIBUSB_ERROR_TIMEOUT.rawValue:
            throw DeviceError(code: .timedOut, message: "\(name) did not answer in time while \(what).")
        default:
            throw DeviceError(code: .notConnected, message: "\(name) failed while \(what): \(USBError(call: "libusb_bulk_transfer", code: result)).")
        }
    }
}
