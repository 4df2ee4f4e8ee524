/// Pixels in the working format, XRGB8888: one `UInt32` per pixel, 0xXXRRGGBB, rows `stride`
/// pixels apart. Either owns its memory or wraps memory owned by someone else (a mapped
/// framebuffer, a benchmark's frame), so the renderer can draw straight into frame memory.
///
/// Not thread-safe: one renderer draws into it at a time.
public final class PixelBuffer {
    public let width: Int
    public let height: Int
    /// Pixels from the start of one row to the start of the next (>= width).
    public let stride: Int
    /// The first pixel of the first row.
    public let pixels: UnsafeMutablePointer<UInt32>
    private let ownsMemory: Bool

    /// A buffer of its own, filled with `color`.
    public init(width: Int, height: Int, color: Color = .black) {
        precondition(width > 0 && height > 0, "pixel buffer size out of range: \(width)x\(height)")
        self.width = width
        self.height = height
        self.stride = width
        pixels = .allocate(capacity: width * height)
        pixels.initialize(repeating: color.xrgb8888, count: width * height)
        ownsMemory = true
    }

    /// Wraps memory that stays owned by the caller and must outlive the buffer.
    public init(wrapping pixels: UnsafeMutablePointer<UInt32>, width: Int, height: Int, stride: Int) {
        precondition(width > 0 && height > 0 && stride >= width, "pixel buffer geometry out of range: \(width)x\(height), stride \(stride)")
        self.width = width
        self.height = height
        self.stride = stride
        self.pixels = pixels
        ownsMemory = false
    }

    deinit {
        if ownsMemory { pixels.deallocate() }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The first pixel of row `y`.
    @inline(__always)
    public func row(_ y: Int) -> UnsafeMutablePointer<UInt32> {
        pixels + y * stride
    }

    /// One pixel; the X byte is whatever was written (0xFF for opaque colours).
    public subscript(x: Int, y: Int) -> UInt32 {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)x\(height)")
            return pixels[y * stride + x]
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)x\(height)")
            pixels[y * stride + x] = newValue
        }
    }

    /// The colour at one pixel, opaque.
    public func color(x: Int, y: Int) -> Color { Color(xrgb8888: self[x, y]) }

    /// Copies `rect` (clipped to both buffers) from `source` at the same position.
    public func copy(_ rect: Rect, from source: PixelBuffer) {
        let area = rect.intersection(bounds).intersection(source.bounds)
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            (row(y) + area.x).update(from: source.row(y) + area.x, count: area.width)
        }
    }
}
