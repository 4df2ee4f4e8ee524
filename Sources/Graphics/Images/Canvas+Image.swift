extension Canvas {
    /// Draws `image` with its top left at `origin`, blending by its alpha times `opacity`.
    public func draw(_ image: RGBAImage, at origin: Point, opacity: UInt8 = 255) {
        let area = clip.intersection(image.bounds.offsetBy(dx: origin.x, dy: origin.y))
        guard !area.isEmpty, opacity > 0 else { return }
        let opacity = UInt32(opacity)
        image.bytes.withUnsafeBufferPointer { bytes in
            for y in area.minY..<area.maxY {
                let row = buffer.row(y)
                var source = bytes.baseAddress! + ((y - origin.y) * image.width + (area.minX - origin.x)) * 4
                for x in area.minX..<area.maxX {
                    let pixel = 0xFF00_0000 | UInt32(source[0]) << 16 | UInt32(source[1]) << 8 | UInt32(source[2])
                    var alpha = UInt32(source[3])
                    if opacity != 255 { alpha = (alpha &* opacity &+ 255) >> 8 }
                    PixelSpan.paint(row + x, count: 1, pixel: pixel, alpha: alpha)
                    source += 4
                }
            }
        }
    }
}
