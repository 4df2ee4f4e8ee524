import CFreeType

/// One opened face of the fallback chain. Renders glyphs by glyph index at any pixel size,
/// switching the face's size only when it changes. Not thread-safe (FreeType): owned by one
/// `FontSet`. The corresponding C functions are `FT_New_Face`, `FT_Get_Char_Index`,
/// `FT_Set_Pixel_Sizes` and `FT_Load_Glyph`.
final class ChainFace {
    let source: FontSource
    private let library: FreeTypeLibrary
    private let face: FT_Face
    private var currentPixelSize = 0

    /// FT_LOAD_TARGET_LIGHT is a function-like C macro, which Swift does not import:
    /// FT_LOAD_TARGET_(FT_RENDER_MODE_LIGHT) = (1 & 15) << 16. Light hinting snaps only
    /// vertically, keeps the designed shapes and advances, and is what CJK faces look best with.
    static let loadTargetLight: FT_Int32 = 1 << 16
    /// Outlines only: some CJK fonts carry 1-bit embedded bitmaps that would look unlike the rest.
    static let loadFlags = FT_Int32(FT_LOAD_RENDER) | FT_Int32(FT_LOAD_NO_BITMAP) | loadTargetLight

    init(library: FreeTypeLibrary, source: FontSource) throws(FreeTypeError) {
        self.library = library
        self.source = source
        var face: FT_Face?
        let error = FT_New_Face(library.library, source.path, FT_Long(source.faceIndex), &face)
        guard error == 0, let face else { throw FreeTypeError(call: "FT_New_Face('\(source.path)', \(source.faceIndex))", code: error) }
        self.face = face
    }

    deinit {
        FT_Done_Face(face)
    }

    /// The face's glyph for `scalar`, or nil when it has none (glyph 0 is .notdef).
    func glyphIndex(for scalar: Unicode.Scalar) -> UInt32? {
        let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
        return index == 0 ? nil : UInt32(index)
    }

    /// Renders one glyph as 8-bit coverage; nil if FreeType fails on it.
    func render(glyph: UInt32, pixelSize: Int) -> RenderedGlyph? {
        guard setPixelSize(pixelSize), FT_Load_Glyph(face, FT_UInt(glyph), Self.loadFlags) == 0 else { return nil }
        let slot = face.pointee.glyph.pointee
        let bitmap = slot.bitmap
        let width = Int(bitmap.width), height = Int(bitmap.rows)
        let pitch = Int(bitmap.pitch)
        let isMonochrome = bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_MONO.rawValue)
        let coverage = [UInt8](unsafeUninitializedCapacity: width * height) { destination, initialized in
            initialized = width * height
            guard width > 0, height > 0, let buffer = bitmap.buffer else { return }
            // A negative pitch means the rows run bottom-up in memory; buffer still points at the top row.
            for row in 0..<height {
                let source = buffer + row * pitch
                let target = destination.baseAddress! + row * width
                if isMonochrome {
                    for column in 0..<width {
                        target[column] = source[column >> 3] & (0x80 >> UInt8(column & 7)) != 0 ? 255 : 0
                    }
                } else {
                    target.update(from: source, count: width)
                }
            }
        }
        return RenderedGlyph(
            mask: AlphaMask(width: width, height: height, coverage: coverage),
            left: Int(slot.bitmap_left), top: Int(slot.bitmap_top),
            // Light hinting rounds advances to whole pixels; a hanzi's is exactly one em.
            advance: Int((slot.advance.x + 32) >> 6)
        )
    }

    private func setPixelSize(_ size: Int) -> Bool {
        guard size != currentPixelSize else { return true }
        guard FT_Set_Pixel_Sizes(face, 0, FT_UInt(size)) == 0 else { return false }
        currentPixelSize = size
        return true
    }
}

