#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices
import Synchronization

/// An open input source: an evdev node (/dev/input/eventN, opened non-blocking and, when asked,
/// grabbed with EVIOCGRAB so that no one else receives its events), or a stream of input_event
/// structs (a FIFO, a pipe, a file) for simulation and tests. The same reader serves both.
///
/// Its events are read once, through one of `TouchScreen`, `BarcodeScanner` or `rawEvents()`;
/// the reading thread then owns and closes the descriptor.
public final class InputDevice: Sendable {
    public enum Kind: String, Sendable {
        case evdev
        /// A pipe, FIFO or file of input_event structs: no ioctls, no state to re-query.
        case stream
    }

    public let path: String
    public let kind: Kind
    /// EVIOCGNAME, or the path for a stream.
    public let name: String
    let descriptor: CInt
    private let started = Mutex(false)

    private init(path: String, kind: Kind, name: String, descriptor: CInt) {
        self.path = path
        self.kind = kind
        self.name = name
        self.descriptor = descriptor
    }

    deinit {
        if !started.withLock({ $0 }) { _ = Glibc.close(descriptor) }
    }

    /// Opens `path`. Does not block: evdev nodes are opened O_NONBLOCK, and a FIFO O_RDWR (so
    /// it neither waits for a writer nor reports end-of-file when a writer leaves).
    /// - Parameter grab: EVIOCGRAB, for evdev nodes; a scanner must be grabbed so that its codes
    ///   never reach a console or another program.
    public static func open(_ path: String, grab: Bool) throws(DeviceError) -> InputDevice {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .open(path, errno: errno, advice: .input) }
        let isFIFO = (status.st_mode & S_IFMT) == S_IFIFO
        let isCharacterDevice = (status.st_mode & S_IFMT) == S_IFCHR
        let descriptor = Glibc.open(path, (isFIFO ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .open(path, errno: errno, advice: .input) }
        guard isCharacterDevice else {
            return InputDevice(path: path, kind: .stream, name: path, descriptor: descriptor)
        }
        var nameBytes = [CChar](repeating: 0, count: 256)
        guard kiosk_evdev_get_name(descriptor, &nameBytes, UInt32(nameBytes.count)) >= 0 else {
            let failure = errno
            Glibc.close(descriptor)
            throw DeviceError(code: .deviceFault, message: "'\(path)' is not an evdev input device (EVIOCGNAME: \(String(cString: strerror(failure)))); use /dev/input/eventN or a pipe of input_event structs.")
        }
        if grab, kiosk_evdev_grab(descriptor, 1) != 0 {
            let failure = errno
            Glibc.close(descriptor)
            throw DeviceError(code: .busy, message: "'\(path)' is grabbed by another program (EVIOCGRAB: \(String(cString: strerror(failure)))); is another kioskd or an X server running?")
        }
        let name = String(decoding: nameBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return InputDevice(path: path, kind: .evdev, name: name, descriptor: descriptor)
    }

    /// Takes over `descriptor` (the read end of a pipe, an fd passed by systemd), as a stream of
    /// input_event structs; `name` appears in messages. It is made non-blocking.
    public static func adopt(descriptor: CInt, name: String) -> InputDevice {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return InputDevice(path: name, kind: .stream, name: name, descriptor: descriptor)
    }

    /// Marks the descriptor as handed to a reader; traps on a second reader.
    func claim() {
        let already = started.withLock { started in
            defer { started = true }
            return started
        }
        precondition(!already, "'\(path)' is already being read")
    }

    // MARK: evdev queries (nil for streams)

    /// EVIOCGABS: the axis's range, or nil when the device has no such axis.
    public func absoluteRange(_ axis: UInt16) -> TouchMapping.AxisRange? {
        guard let info = absoluteInfo(axis) else { return nil }
        return TouchMapping.AxisRange(minimum: info.minimum, maximum: info.maximum)
    }

    func absoluteInfo(_ axis: UInt16) -> input_absinfo? {
        guard kind == .evdev else { return nil }
        var info = input_absinfo()
        guard kiosk_evdev_get_abs(descriptor, UInt32(axis), &info) == 0, info.maximum > info.minimum || axis == AbsoluteAxis.multitouchSlot else { return nil }
        return info
    }

    /// Whether the device reports multitouch slots (protocol B).
    public var isMultitouch: Bool {
        guard kind == .evdev else { return false }
        var bits = [UInt8](repeating: 0, count: 8)
        guard kiosk_evdev_get_bits(descriptor, UInt32(EventType.absolute), &bits, UInt32(bits.count)) >= 0 else { return false }
        let slot = Int(AbsoluteAxis.multitouchSlot)
        return bits[slot / 8] & (1 << (slot % 8)) != 0
    }

    /// The whole touch state now (EVIOCGMTSLOTS, EVIOCGKEY, EVIOCGABS), for resynchronising
    /// after SYN_DROPPED; nil for a stream or when the device does not answer.
    func touchSnapshot() -> TouchSnapshot? {
        guard kind == .evdev else { return nil }
        var keys = [UInt8](repeating: 0, count: Int(KEY_MAX) / 8 + 1)
        guard kiosk_evdev_get_key_state(descriptor, &keys, UInt32(keys.count)) >= 0 else { return nil }
        let touch = Int(KeyCode.buttonTouch)
        let touching = keys[touch / 8] & (1 << (touch % 8)) != 0
        let x = absoluteInfo(AbsoluteAxis.x)?.value ?? 0
        let y = absoluteInfo(AbsoluteAxis.y)?.value ?? 0
        guard isMultitouch, let slotInfo = absoluteInfo(AbsoluteAxis.multitouchSlot) else {
            return TouchSnapshot(slots: [], touching: touching, x: x, y: y)
        }
        let count = min(Int(slotInfo.maximum) + 1, TouchTracker.maximumSlots)
        func values(_ code: UInt16) -> [Int32]? {
            var buffer = [Int32](repeating: 0, count: count + 1)
            buffer[0] = Int32(code)
            guard kiosk_evdev_get_mt_slots(descriptor, &buffer, UInt32(count)) >= 0 else { return nil }
            return Array(buffer.dropFirst())
        }
        guard let ids = values(AbsoluteAxis.multitouchTrackingID), let xs = values(AbsoluteAxis.multitouchPositionX),
              let ys = values(AbsoluteAxis.multitouchPositionY) else { return nil }
        let slots = (0..<count).map { TouchSnapshot.Slot(trackingID: ids[$0], x: xs[$0], y: ys[$0]) }
        return TouchSnapshot(slots: slots, currentSlot: Int(slotInfo.value), touching: touching, x: x, y: y)
    }
}
