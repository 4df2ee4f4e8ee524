/// The fonts the kiosk draws text with: a fallback chain of faces tried in order for each
/// character, and the glyph cache. `layout(_:width:style:)` (FontSet+Layout.swift) turns a
/// string into a `TextLayout`.
///
/// ```swift
/// let fonts = try FontSet.standard()
/// let title = fonts.layout("请触摸屏幕开始", width: 900, style: TextStyle(pixelSize: 48, alignment: .center))
/// canvas.draw(title, at: Point(x: 90, y: 40), color: .white)
/// ```
///
/// Not thread-safe: FreeType faces and the cache are used without locks, so one owner (the
/// renderer) lays out all text. The `TextLayout` values it returns are `Sendable`.
public final class FontSet {
    /// The faces that opened, in fallback order.
    public var sources: [FontSource] { faces.map(\.source) }
    /// The faces of the chain that could not be opened, with why.
    public let skipped: [SkippedFont]
    public var cacheStatistics: GlyphCacheStatistics { cache.statistics }

    private let library: FreeTypeLibrary
    private let faces: [ChainFace]
    var cache: GlyphCache
    /// Which face draws each scalar seen so far, so that a character needs the chain's cmap
    /// lookups only once.
    private var faceForScalar: [UInt32: GlyphKey] = [:]

    /// Opens every face of `chain` that exists, skipping (and listing in `skipped`) the others.
    /// - Throws: `FontSetError` when none opens.
    public init(chain: [FontSource], cache: GlyphCache = GlyphCache()) throws(FontSetError) {
        var skipped: [SkippedFont] = []
        do {
            library = try FreeTypeLibrary()
        } catch {
            throw FontSetError(skipped: chain.map { SkippedFont(source: $0, reason: error.description) })
        }
        var faces: [ChainFace] = []
        for source in chain {
            do {
                faces.append(try ChainFace(library: library, source: source))
            } catch {
                skipped.append(SkippedFont(source: source, reason: error.code == 1 ? "no such file (is its package installed?)" : error.description))
            }
        }
        guard !faces.isEmpty else { throw FontSetError(skipped: skipped) }
        self.faces = faces
        self.skipped = skipped
        self.cache = cache
    }

    /// `FontSource.standardChain`: Noto Sans CJK SC, DejaVu Sans, HanaMin A, HanaMin B.
    public static func standard(cache: GlyphCache = GlyphCache()) throws(FontSetError) -> FontSet {
        try FontSet(chain: FontSource.standardChain, cache: cache)
    }

    /// The face that draws `scalar`, nil when none has it (it is drawn as an empty box).
    public func source(for scalar: Unicode.Scalar) -> FontSource? {
        let key = glyphKey(for: scalar, pixelSize: 0)
        return key.face == GlyphKey.missingGlyphFace ? nil : faces[key.face].source
    }

    /// `scalar` rendered at `pixelSize` by the first face that has it, through the cache;
    /// `isMissing` when no face has it and the result is the empty box.
    func glyph(for scalar: Unicode.Scalar, pixelSize: Int) -> (glyph: RenderedGlyph, isMissing: Bool) {
        let key = glyphKey(for: scalar, pixelSize: pixelSize)
        let isMissing = key.face == GlyphKey.missingGlyphFace
        if let cached = cache.glyph(for: key) { return (cached, isMissing) }
        let box = { RenderedGlyph.missingGlyphBox(pixelSize: pixelSize, wide: LineBreakClass.isWide(scalar)) }
        if isMissing {
            let glyph = box()
            cache.insert(glyph, for: key)
            return (glyph, true)
        }
        // A glyph FreeType fails to render (a damaged font) is drawn as the box and counted as
        // missing; it is not cached, so that every layout still counts it.
        guard let glyph = faces[key.face].render(glyph: key.glyph, pixelSize: pixelSize) else { return (box(), true) }
        cache.insert(glyph, for: key)
        return (glyph, false)
    }

    /// Drops every cached glyph (the counters stay): for tests and benchmarks of cold rendering.
    public func emptyCache() {
        cache.removeAll()
    }

    private func glyphKey(for scalar: Unicode.Scalar, pixelSize: Int) -> GlyphKey {
        if var key = faceForScalar[scalar.value] {
            key.pixelSize = pixelSize
            return key
        }
        var key = GlyphKey(face: GlyphKey.missingGlyphFace, glyph: LineBreakClass.isWide(scalar) ? 1 : 0, pixelSize: pixelSize)
        for (index, face) in faces.enumerated() {
            if let glyph = face.glyphIndex(for: scalar) {
                key = GlyphKey(face: index, glyph: glyph, pixelSize: pixelSize)
                break
            }
        }
        // Bounded so that a stream of garbage cannot grow it without end; refilling is cheap.
        if faceForScalar.count >= 65_536 { faceForScalar.removeAll(keepingCapacity: true) }
        faceForScalar[scalar.value] = key
        return key
    }
}

/// FreeType faces and the cache have no locks: a font set stays with the renderer that owns it.
@available(*, unavailable)
extension FontSet: Sendable {}
