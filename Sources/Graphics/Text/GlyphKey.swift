/// What a cached glyph is rendered from: a face of the chain, a glyph in it and a pixel size.
/// Keyed by glyph index rather than scalar, so characters sharing a glyph share the entry.
struct GlyphKey: Hashable, Sendable {
    /// Index into the font set's loaded faces; `GlyphKey.missingGlyphFace` for tofu boxes.
    var face: Int
    /// The face's glyph index; for tofu, 1 for the wide box and 0 for the narrow one.
    var glyph: UInt32
    var pixelSize: Int

    static let missingGlyphFace = -1
}
