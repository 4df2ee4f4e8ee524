/// One glyph rendered at one pixel size: its coverage and where it sits relative to the pen.
public struct RenderedGlyph: Sendable, Equatable {
    public var mask: AlphaMask
    /// From the pen position to the mask's left edge (FreeType's `bitmap_left`).
    public var left: Int
    /// From the baseline up to the mask's top row (FreeType's `bitmap_top`).
    public var top: Int
    /// How far the pen moves, in whole pixels.
    public var advance: Int

    public init(mask: AlphaMask, left: Int, top: Int, advance: Int) {
        self.mask = mask
        self.left = left
        self.top = top
        self.advance = advance
    }

    /// Roughly what the cache holds for it: the coverage and a fixed overhead.
    var byteCount: Int { mask.coverage.count + 64 }

    /// The empty box drawn for a character that no font has ("tofu"): a one-em box for wide
    /// characters, a narrower one otherwise, so that the gap is visible and keeps its place.
    static func missingGlyphBox(pixelSize: Int, wide: Bool) -> RenderedGlyph {
        let advance = wide ? pixelSize : max(2, (pixelSize * 55 + 50) / 100)
        let width = max(2, advance - max(2, pixelSize / 8))
        let height = max(2, (pixelSize * 80 + 50) / 100)
        let stroke = max(1, pixelSize / 20)
        var mask = AlphaMask(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where x < stroke || x >= width - stroke || y < stroke || y >= height - stroke {
                mask[x, y] = 255
            }
        }
        // The box stands on the baseline-ish: its bottom at the ideographic em box's bottom.
        let top = height - (pixelSize * 12 + 50) / 100
        return RenderedGlyph(mask: mask, left: (advance - width) / 2, top: top, advance: advance)
    }
}
