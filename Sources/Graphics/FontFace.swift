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
    public func render(_ text: String) -> GreyscaleBitmap {
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
                glyphs.append((glyph, penX + Int(slot.bitmap_left), ascender - Int(slot.bitmap_top)))
            }
            penX += Int(slot.advance.x >> 6)
        }
        var line = GreyscaleBitmap(width: max(penX, 1), height: max(lineHeight, 1))
        for glyph in glyphs { line.draw(glyph.bitmap, x: glyph.x, y: glyph.y) }
        return line
    }
}
