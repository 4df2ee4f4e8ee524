/// The 256 results of blending one colour over one solid backdrop at every coverage: when the
/// renderer knows a command draws over a single flat colour (text on a button, a shadow on the
/// background), each pixel becomes one table lookup instead of a multiply-and-round per channel.
/// Entries are computed with the same arithmetic as `PixelSpan.blendEach`, so both paths give
/// the same pixels.
struct BlendTable {
    let pixel: UInt32
    let colorAlpha: UInt32
    let backdrop: UInt32
    /// Indexed by coverage.
    let entries: [UInt32]

    init(color: Color, backdrop: UInt32) {
        pixel = color.xrgb8888
        colorAlpha = UInt32(color.alpha)
        self.backdrop = backdrop
        entries = (0..<256).map { [pixel, colorAlpha] coverage in
            PixelSpan.blended(backdrop, pixel, alpha: PixelSpan.scaledAlpha(UInt32(coverage), colorAlpha: colorAlpha))
        }
    }

    func matches(_ color: Color, backdrop: UInt32) -> Bool {
        pixel == color.xrgb8888 && colorAlpha == UInt32(color.alpha) && self.backdrop == backdrop
    }
}
