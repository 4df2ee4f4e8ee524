import Foundation
import KioskSimulation

/// Writes Linux `struct input_event` records (24 bytes on 64-bit: timeval, u16 type, u16 code,
/// s32 value) into a FIFO, as a kernel touchscreen would deliver them: the tests' simulated panel.
public final class InputEventWriter: @unchecked Sendable {
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
        SimulatedInputEvents.record(type: type, code: code, value: value)
    }

    public func write(_ bytes: [UInt8]) {
        handle.write(Data(bytes))
    }

    /// A single-touch tap at raw (x, y), press and release in one write.
    public func tap(x: Int32, y: Int32) {
        write(SimulatedInputEvents.tap(x: x, y: y))
    }

    /// A code typed as a keyboard-like scanner types it, then Enter.
    public func scan(_ code: String) {
        write(SimulatedInputEvents.scan(code)!)
    }
}
