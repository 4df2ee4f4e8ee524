import Foundation

/// Writes Linux `struct input_event` records (24 bytes on 64-bit: timeval, u16 type, u16 code,
/// s32 value) into a FIFO, as a kernel touchscreen would deliver them: the tests' simulated panel.
public final class InputEventWriter: @unchecked Sendable {
    public static let synReport: (UInt16, UInt16, Int32) = (0, 0, 0)
    private let handle: FileHandle

    /// Makes the FIFO at `path` if it does not exist, and opens it for writing (read-write, so
    /// opening never waits for the reader).
    public init(fifo path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    public static func record(type: UInt16, code: UInt16, value: Int32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: type.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: code.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        return bytes
    }

    public func write(_ bytes: [UInt8]) {
        handle.write(Data(bytes))
    }

    /// A single-touch tap at raw (x, y): position, BTN_TOUCH down, report; BTN_TOUCH up, report.
    /// Press and release go in one write, as a quick tap arrives between two reads.
    public func tap(x: Int32, y: Int32) {
        let EV_SYN: UInt16 = 0, EV_KEY: UInt16 = 1, EV_ABS: UInt16 = 3, BTN_TOUCH: UInt16 = 0x14A
        write(Self.record(type: EV_ABS, code: 0, value: x) + Self.record(type: EV_ABS, code: 1, value: y)
              + Self.record(type: EV_KEY, code: BTN_TOUCH, value: 1) + Self.record(type: EV_SYN, code: 0, value: 0)
              + Self.record(type: EV_KEY, code: BTN_TOUCH, value: 0) + Self.record(type: EV_SYN, code: 0, value: 0))
    }
}
