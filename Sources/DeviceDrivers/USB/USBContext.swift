import CLibUSB

/// A libusb context: the entry point for finding and opening USB devices.
///
/// Not `Sendable`: libusb contexts are thread-safe, but the device list calls block on sysfs
/// and belong on a thread that may block, owned by one caller.
public final class USBContext {
    private let context: OpaquePointer

    /// The corresponding C function is `libusb_init`. On a machine without a USB bus it
    /// succeeds and lists no devices.
    public init() throws(USBError) {
        var context: OpaquePointer?
        let result = libusb_init(&context)
        guard result == 0, let context else {
            throw USBError(call: "libusb_init", code: result)
        }
        self.context = context
    }

    deinit {
        libusb_exit(context)
    }

    /// The library's version, e.g. "1.0.26".
    public static var libraryVersion: String {
        let version = libusb_get_version()!.pointee
        return "\(version.major).\(version.minor).\(version.micro)"
    }

    /// Every device on every bus, as the kernel lists them now.
    public func devices() throws(USBError) -> [USBDeviceDescription] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else { throw USBError(call: "libusb_get_device_list", code: Int32(count)) }
        defer { libusb_free_device_list(list, 1) }
        var found: [USBDeviceDescription] = []
        for index in 0..<Int(count) {
            guard let device = list[index] else { continue }
            var descriptor = libusb_device_descriptor()
            guard libusb_get_device_descriptor(device, &descriptor) == 0 else { continue }
            found.append(USBDeviceDescription(
                vendorID: descriptor.idVendor,
                productID: descriptor.idProduct,
                bus: libusb_get_bus_number(device),
                address: libusb_get_device_address(device)))
        }
        return found
    }
}

/// A USB device as enumerated, before it is opened.
public struct USBDeviceDescription: Sendable, Equatable, CustomStringConvertible {
    public var vendorID: UInt16
    public var productID: UInt16
    public var bus: UInt8
    public var address: UInt8

    public init(vendorID: UInt16, productID: UInt16, bus: UInt8, address: UInt8) {
        self.vendorID = vendorID
        self.productID = productID
        self.bus = bus
        self.address = address
    }

    /// "0400:c35a on bus 1 address 4", the form lsusb uses.
    public var description: String {
        "\(Self.hex(vendorID)):\(Self.hex(productID)) on bus \(bus) address \(address)"
    }

    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// A failed libusb call, with libusb's own name for the error.
public struct USBError: Error, Equatable, CustomStringConvertible {
    public var call: String
    public var code: Int32

    public var description: String {
        "\(call) failed: \(String(cString: libusb_error_name(code))) (\(String(cString: libusb_strerror(code))))"
    }
}
