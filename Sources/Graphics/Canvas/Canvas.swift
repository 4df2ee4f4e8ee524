/// Drawing into a `PixelBuffer`, clipped to `clip`: every operation touches only pixels inside
/// the clip, which is how a damaged region is redrawn without touching the rest of the frame.
public struct Canvas {
    public let buffer: PixelBuffer
    /// Always inside the buffer's bounds.
    public private(set) var clip: Rect

    public init(_ buffer: PixelBuffer, clip: Rect? = nil) {
        self.buffer = buffer
        self.clip = (clip ?? buffer.bounds).intersection(buffer.bounds)
    }

    /// The same buffer, clipped further to `rect`.
    public func clipped(to rect: Rect) -> Canvas {
        Canvas(buffer, clip: clip.intersection(rect))
    }

    /// Blends `color` over one pixel with coverage `alpha` (0...255, already combined with the
    /// colour's own alpha). The result is opaque.
    @inline(__always)
    static func blend(_ destination: UInt32, _ source: UInt32, alpha: UInt32) -> UInt32 {
        // Two channels at a time (red and blue, then green) in 16-bit lanes: the usual trick for
        // integer alpha blending; +128 and the >> 8 shifts round to within 1 of exact division.
        let inverse = 255 - alpha
        let rb = ((source & 0xFF00FF) &* alpha &+ (destination & 0xFF00FF) &* inverse &+ 0x800080)
        let g = ((source & 0x00FF00) &* alpha &+ (destination & 0x00FF00) &* inverse &+ 0x008000)
        let rbRounded = ((rb &+ ((rb >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF
        let gRounded = ((g &+ ((g >> 8) & 0x00FF00)) >> 8) & 0x00FF00
        return 0xFF00_0000 | rbRounded | gRounded
    }

    /// Draws `mask` with its top left at `origin`, in `color` (the colour's alpha scales the
    /// mask's coverage). Glyphs, corners and shadows all come through here.
    public func blend(_ mask: AlphaMask, at origin: Point, color: Color) {
        let area = clip.intersection(Rect(x: origin.x, y: origin.y, width: mask.width, height: mask.height))
        guard !area.isEmpty, color.alpha > 0 else { return }
        let source = color.xrgb8888
        let colorAlpha = UInt32(color.alpha)
        mask.coverage.withUnsafeBufferPointer { coverage in
            for y in area.minY..<area.maxY {
                let maskRow = coverage.baseAddress! + (y - origin.y) * mask.width + (area.minX - origin.x)
                PixelSpan.blend(buffer.row(y) + area.minX, coverage: maskRow, count: area.width, pixel: source, colorAlpha: colorAlpha)
            }
        }
    }
}
