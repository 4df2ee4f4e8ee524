/// Linux `struct input_event` records (24 bytes on 64-bit: timeval, u16 type, u16 code, s32
/// value) as a touch panel or a keyboard-like scanner would deliver them, for the simulated
/// devices behind FIFOs.
public enum SimulatedInputEvents {
    static let synchronization: UInt16 = 0, key: UInt16 = 1, absolute: UInt16 = 3
    static let buttonTouch: UInt16 = 0x14A, absoluteX: UInt16 = 0, absoluteY: UInt16 = 1

    public static func record(type: UInt16, code: UInt16, value: Int32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: type.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: code.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        return bytes
    }

    static var report: [UInt8] { record(type: synchronization, code: 0, value: 0) }

    /// A single-touch tap at raw (x, y): position and BTN_TOUCH down, a report, BTN_TOUCH up, a
    /// report. Written at once, press and release arrive in one read, as a quick tap does.
    public static func tap(x: Int32, y: Int32) -> [UInt8] {
        record(type: absolute, code: absoluteX, value: x) + record(type: absolute, code: absoluteY, value: y)
            + record(type: key, code: buttonTouch, value: 1) + report
            + record(type: key, code: buttonTouch, value: 0) + report
    }

    /// `text` typed on a US keyboard (Shift held where needed), then Enter: what a scanner sends
    /// for one code. nil when a character cannot be typed.
    public static func scan(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        func press(_ code: UInt16) {
            bytes += record(type: key, code: code, value: 1) + report + record(type: key, code: code, value: 0) + report
        }
        for character in text {
            guard let stroke = USKeyboard.keyStroke(for: character) else { return nil }
            if stroke.shift { bytes += record(type: key, code: USKeyboard.leftShift, value: 1) + report }
            press(stroke.code)
            if stroke.shift { bytes += record(type: key, code: USKeyboard.leftShift, value: 0) + report }
        }
        press(USKeyboard.enter)
        return bytes
    }
}
