import CFreeType

/// One face of a font file, at one pixel size, rendering lines of text into greyscale bitmaps.
/// Owns FreeType objects that are not thread-safe: one renderer uses it at a time.
/// The corresponding C functions are `FT_New_Face`, `FT_Set_Pixel_Sizes` and `FT_Load_Char`.
public final class FontFace {
    private let library: FreeTypeLibrary
    private let face: FT_Face
    public private(set) var pixelSize: Int

    /// Noto Sans CJK, as Debian's fonts-noto-cjk installs it; face 2 of the collection is
    /// Simplified Chinese (the order is JP, KR, SC, TC, HK).
    public static let notoSansCJKPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    public static let notoSansCJKSimplifiedChineseFace = 2

    public init(library: FreeTypeLibrary, path: String, faceIndex: Int, pixelSize: Int) throws(FreeTypeError) {
        self.library = library
        var face: FT_Face?
        let error = FT_New_Face(library.library, path, FT_Long(faceIndex), &face)
        guard error == 0, let face else { throw FreeTypeError(call: "FT_New_Face('\(path)', \(faceIndex))", code: error) }
        self.face = face
        self.pixelSize = pixelSize
        try setPixelSize(pixelSize)
    }

    deinit {
        FT_Done_Face(face)
    }

    /// East Asian wide characters (CJK ideographs, kana, Hangul, full-width forms) take two cells.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    public func setPixelSize(_ size: Int) throws(FreeTypeError) {
        let error = FT_Set_Pixel_Sizes(face, 0, FT_UInt(size))
        guard error == 0 else { throw FreeTypeError(call: "FT_Set_Pixel_Sizes", code: error) }
        pixelSize = size
    }

    /// The height of one line: ascender to descender plus the font's line gap.
    public var lineHeight: Int { Int(face.pointee.size.pointee.metrics.height >> 6) }
    private var ascender: Int { Int(face.pointee.size.pointee.metrics.ascender >> 6) }

    /// Renders one line (no wrapping) onto a white bitmap `lineHeight` high. Characters the face
    /// lacks are drawn as FreeType's missing glyph.
    ///
    /// With `cellWidth`, every character takes a fixed cell, two for wide (CJK) characters, its
    /// glyph centred in it: the grid a receipt printer's font ROM prints on.
    public func render(_ text: String, cellWidth: Int? = nil) -> GreyscaleBitmap {
        var glyphs: [(bitmap: GreyscaleBitmap, x: Int, y: Int)] = []
        var penX = 0
        for scalar in text.unicodeScalars {
            guard FT_Load_Char(face, FT_ULong(scalar.value), FT_Int32(FT_LOAD_RENDER)) == 0 else { continue }
            let slot = face.pointee.glyph.pointee
            let source = slot.bitmap
            if source.width > 0 && source.rows > 0 {
                var glyph = GreyscaleBitmap(width: Int(source.width), height: Int(source.rows))
                for row in 0..<Int(source.rows) {
                    let line = source.buffer + row * Int(source.pitch)
                    // FreeType's coverage is 255 = ink; paper is 255 = white.
                    for column in 0..<Int(source.width) { glyph[column, row] = 255 - line[column] }
                }
                var x = penX + Int(slot.bitmap_left)
                if let cellWidth {
                    let cell = cellWidth * (Self.isWide(scalar) ? 2 : 1)
                    x = penX + (cell - Int(slot.advance.x >> 6)) / 2 + Int(slot.bitmap_left)
                }
                glyphs.append((glyph, x, ascender - Int(slot.bitmap_top)))
            }
            if let cellWidth {
                penX += cellWidth * (Self.isWide(scalar) ? 2 : 1)
            } else {
                penX += Int(slot.advance.x >> 6)
            }
        }
        var line = GreyscaleBitmap(width: max(penX, 1), height: max(lineHeight, 1))
        for glyph in glyphs { line.draw(glyph.bitmap, x: glyph.x, y: glyph.y) }
        return line
    }
}
