/// One glyph of laid-out text: its coverage and where its top left goes, relative to the
/// layout's top left.
public struct PlacedGlyph: Sendable, Equatable {
    public var mask: AlphaMask
    public var origin: Point

    public init(mask: AlphaMask, origin: Point) {
        self.mask = mask
        self.origin = origin
    }

    public var bounds: Rect { Rect(x: origin.x, y: origin.y, width: mask.width, height: mask.height) }
}

/// Text broken into lines and positioned in a box, ready to draw: the output of text layout and
/// the input of `Canvas.draw(_:at:color:)`. A value, so a screen can keep it and redraw it
/// without touching FreeType again.
public struct TextLayout: Sendable, Equatable {
    /// Every visible glyph, in reading order. Spaces and glyphs with no ink are left out.
    public var glyphs: [PlacedGlyph]
    /// The box the text was laid out in, at (0, 0): its width is the width it was given (or
    /// the widest line when it was given none) and its height the lines' height.
    public var size: Rect
    /// The text of each line as laid out (after breaking, with the ellipsis if one was added).
    public var lines: [String]
    /// Characters that no font in the chain had: drawn as an empty box, counted so that tests
    /// and the status page can tell.
    public var missingGlyphCount: Int
    /// True when the text did not fit in the lines allowed and was cut with an ellipsis.
    public var isTruncated: Bool

    public init(glyphs: [PlacedGlyph], size: Rect, lines: [String], missingGlyphCount: Int, isTruncated: Bool) {
        self.glyphs = glyphs
        self.size = size
        self.lines = lines
        self.missingGlyphCount = missingGlyphCount
        self.isTruncated = isTruncated
    }

    /// Where ink falls, relative to the layout's top left; may reach slightly outside `size`
    /// (accents, descenders, italic overhangs), so damage tracking uses this.
    public var inkBounds: Rect {
        glyphs.reduce(Rect.zero) { $0.union($1.bounds) }
    }
}

extension Canvas {
    /// Draws laid-out text with its top left at `origin`.
    public func draw(_ text: TextLayout, at origin: Point, color: Color) {
        let area = clip.intersection(text.inkBounds.offsetBy(dx: origin.x, dy: origin.y))
        guard !area.isEmpty else { return }
        for glyph in text.glyphs {
            let position = Point(x: origin.x + glyph.origin.x, y: origin.y + glyph.origin.y)
            guard area.intersects(Rect(x: position.x, y: position.y, width: glyph.mask.width, height: glyph.mask.height)) else { continue }
            blend(glyph.mask, at: position, color: color)
        }
    }
}
