/// A picture with straight (not premultiplied) alpha, 4 bytes a pixel in R, G, B, A order, row
/// by row with no padding: what libpng's simplified API reads and writes as PNG_FORMAT_RGBA.
public struct RGBAImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var bytes: [UInt8]

    public init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(width > 0 && height > 0 && bytes.count == width * height * 4, "image size does not match its bytes")
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// An image filled with one colour.
    public init(width: Int, height: Int, color: Color) {
        precondition(width > 0 && height > 0, "image size out of range: \(width)x\(height)")
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for index in stride(from: 0, to: bytes.count, by: 4) {
            bytes[index] = color.red
            bytes[index + 1] = color.green
            bytes[index + 2] = color.blue
            bytes[index + 3] = color.alpha
        }
        self.init(width: width, height: height, bytes: bytes)
    }

    /// A copy of `rect` of a pixel buffer (a screenshot), opaque.
    public init(_ buffer: PixelBuffer, rect: Rect? = nil) {
        let area = (rect ?? buffer.bounds).intersection(buffer.bounds)
        precondition(!area.isEmpty, "nothing of the buffer is inside \(String(describing: rect))")
        var bytes = [UInt8](repeating: 255, count: area.width * area.height * 4)
        var index = 0
        for y in area.minY..<area.maxY {
            let row = buffer.row(y)
            for x in area.minX..<area.maxX {
                let pixel = row[x]
                bytes[index] = UInt8(truncatingIfNeeded: pixel >> 16)
                bytes[index + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                bytes[index + 2] = UInt8(truncatingIfNeeded: pixel)
                index += 4
            }
        }
        self.init(width: area.width, height: area.height, bytes: bytes)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Color {
        get {
            let index = (y * width + x) * 4
            return Color(red: bytes[index], green: bytes[index + 1], blue: bytes[index + 2], alpha: bytes[index + 3])
        }
        set {
            let index = (y * width + x) * 4
            bytes[index] = newValue.red
            bytes[index + 1] = newValue.green
            bytes[index + 2] = newValue.blue
            bytes[index + 3] = newValue.alpha
        }
    }

    /// True when every pixel is opaque, so drawing it hides what is under it.
    public var isOpaque: Bool {
        stride(from: 3, to: bytes.count, by: 4).allSatisfy { bytes[$0] == 255 }
    }
}
