/// One `struct input_event` as the kernel writes it on 64-bit Linux: 24 bytes, a 16-byte
/// timestamp (seconds, microseconds), u16 type at 16, u16 code at 18, s32 value at 20.
public struct InputEvent: Sendable, Equatable, CustomStringConvertible {
    public static let size = 24

    public var seconds: Int64
    public var microseconds: Int64
    public var type: UInt16
    public var code: UInt16
    public var value: Int32

    public init(seconds: Int64 = 0, microseconds: Int64 = 0, type: UInt16, code: UInt16, value: Int32) {
        self.seconds = seconds
        self.microseconds = microseconds
        self.type = type
        self.code = code
        self.value = value
    }

    /// The 24 bytes of this event, little-endian, as a pipe of input_event structs carries them.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.size)
        withUnsafeBytes(of: seconds.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: microseconds.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: type.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: code.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    public var description: String { "type \(type) code \(code) value \(value)" }

    // Shorthands for tests and simulators.
    public static func abs(_ code: UInt16, _ value: Int32) -> InputEvent { InputEvent(type: EventType.absolute, code: code, value: value) }
    public static func key(_ code: UInt16, _ value: Int32) -> InputEvent { InputEvent(type: EventType.key, code: code, value: value) }
    public static let report = InputEvent(type: EventType.synchronization, code: SynchronizationCode.report, value: 0)
    public static let dropped = InputEvent(type: EventType.synchronization, code: SynchronizationCode.dropped, value: 0)
}

/// Event types (linux/input-event-codes.h).
public enum EventType {
    public static let synchronization: UInt16 = 0x00
    public static let key: UInt16 = 0x01
    public static let relative: UInt16 = 0x02
    public static let absolute: UInt16 = 0x03
    public static let miscellaneous: UInt16 = 0x04
    /// EV_MAX: any type above is not an event the kernel sends.
    public static let maximum: UInt16 = 0x1f
}

public enum SynchronizationCode {
    public static let report: UInt16 = 0
    public static let dropped: UInt16 = 3
}

/// ABS_* codes kioskd reads.
public enum AbsoluteAxis {
    public static let x: UInt16 = 0x00
    public static let y: UInt16 = 0x01
    public static let multitouchSlot: UInt16 = 0x2f
    public static let multitouchPositionX: UInt16 = 0x35
    public static let multitouchPositionY: UInt16 = 0x36
    public static let multitouchTrackingID: UInt16 = 0x39
}

/// KEY_*/BTN_* codes kioskd reads (the scanner's keys are in `ScannerKeymap`).
public enum KeyCode {
    public static let buttonTouch: UInt16 = 0x14a
    public static let buttonLeft: UInt16 = 0x110
}
