import Testing
@testable import Graphics

@Suite struct TextGarbageInputTests {
    let style = TextStyle(pixelSize: 32)

    /// An empty string lays out as nothing: no lines, no glyphs, no height
    @Test func emptyString() throws {
        let layout = try FontSet.standard().layout("", width: 300, style: style)
        #expect(layout.lines.isEmpty)
        #expect(layout.glyphs.isEmpty)
        #expect(layout.size == Rect(x: 0, y: 0, width: 300, height: 0))
        #expect(layout.inkBounds.isEmpty)
    }

    /// Only spaces: one empty line (the spaces are at its ends, so not drawn)
    @Test func onlySpaces() throws {
        let layout = try FontSet.standard().layout("     ", width: 300, style: style)
        #expect(layout.lines == [""])
        #expect(layout.glyphs.isEmpty)
        #expect(layout.size.height == style.lineHeight)
        #expect(layout.missingGlyphCount == 0)
    }

    /// NUL, other control characters and DEL are dropped, not drawn as boxes
    @Test func controlCharactersAreDropped() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("\u{0}请\u{1}\u{7}确认\u{7F}\u{9B}", style: style)
        #expect(layout.lines == ["请确认"])
        #expect(layout.missingGlyphCount == 0)
        #expect(layout.size.width == 3 * 32)
    }

    /// A lone combining mark, zero-width characters and a variation selector do not crash or count as missing
    @Test func loneCombiningMarksAndInvisibleCharacters() throws {
        let fonts = try FontSet.standard()
        for text in ["\u{301}", "\u{301}\u{302}\u{303}", "\u{200B}\u{200D}\u{FEFF}", "王\u{FE00}", "\u{AD}"] {
            let layout = fonts.layout(text, width: 100, style: style)
            #expect(layout.lines.count == 1, "\(text.unicodeScalars.map(\.value))")
            #expect(layout.missingGlyphCount == 0)
        }
    }

    /// A zero or negative width still terminates, one glyph per line
    @Test func zeroWidthBox() throws {
        let fonts = try FontSet.standard()
        #expect(fonts.layout("请稍候", width: 0, style: style).lines == ["请", "稍", "候"])
        #expect(fonts.layout("请稍候", width: -5, style: style).lines == ["请", "稍", "候"])
    }

    /// A long run of random scalars (including unassigned ones) lays out within the box
    @Test func randomScalars() throws {
        let fonts = try FontSet.standard()
        var generator = SystemRandomNumberGenerator()
        var scalars = String.UnicodeScalarView()
        for _ in 0..<2000 {
            if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x3FFFF, using: &generator)) { scalars.append(scalar) }
        }
        let layout = fonts.layout(String(scalars), width: 500, style: TextStyle(pixelSize: 24, maxLines: 20))
        #expect(layout.lines.count <= 20)
        #expect(layout.inkBounds.maxX <= 500 + 24)
    }
}
