import Foundation
@testable import DeviceDrivers
import Graphics

/// Device memory in a byte array, with a sentinel in every byte (padding included), for
/// checking exact bytes after a copy.
final class FakeScanout {
    let width: Int
    let height: Int
    let lineLength: Int
    let format: PixelFormat
    let memory: UnsafeMutableRawPointer
    static let sentinel: UInt8 = 0xEE

    init(width: Int, height: Int, format: PixelFormat, padding: Int = 0) {
        self.width = width
        self.height = height
        self.format = format
        lineLength = width * format.bytesPerPixel + padding
        memory = .allocate(byteCount: lineLength * height, alignment: 64)
        memory.initializeMemory(as: UInt8.self, repeating: Self.sentinel, count: lineLength * height)
    }

    deinit { memory.deallocate() }

    var page: ScanoutPage { ScanoutPage(base: memory, width: width, height: height, lineLength: lineLength, format: format) }

    func bytes(atX x: Int, y: Int) -> [UInt8] {
        let start = memory + y * lineLength + x * format.bytesPerPixel
        return (0..<format.bytesPerPixel).map { start.load(fromByteOffset: $0, as: UInt8.self) }
    }

    /// Every byte of the line's padding still holds the sentinel.
    func paddingIntact(line y: Int) -> Bool {
        (width * format.bytesPerPixel..<lineLength).allSatisfy { (memory + y * lineLength).load(fromByteOffset: $0, as: UInt8.self) == Self.sentinel }
    }

    /// Panel pixels whose bytes changed from the sentinel.
    func changedPixels() -> Set<Point> {
        var changed = Set<Point>()
        for y in 0..<height {
            for x in 0..<width where bytes(atX: x, y: y).contains(where: { $0 != Self.sentinel }) {
                changed.insert(Point(x: x, y: y))
            }
        }
        return changed
    }
}

/// A frame whose every pixel is distinct: 0xFF000000 | (y << 12) | x.
func numberedFrame(width: Int, height: Int) -> PixelBuffer {
    let frame = PixelBuffer(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width { frame[x, y] = 0xFF00_0000 | UInt32(y << 12) | UInt32(x) }
    }
    return frame
}

/// Reads a whole file with plain read(2).
func fileBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}
