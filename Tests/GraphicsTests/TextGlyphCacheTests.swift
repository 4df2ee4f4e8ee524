import Testing
@testable import Graphics

@Suite struct TextGlyphCacheTests {
    func glyph(_ size: Int) -> RenderedGlyph {
        RenderedGlyph(mask: AlphaMask(width: size, height: size), left: 0, top: size, advance: size)
    }

    func key(_ glyph: UInt32) -> GlyphKey { GlyphKey(face: 0, glyph: glyph, pixelSize: 32) }

    /// The least recently used glyph goes first: using one keeps it
    @Test func evictsLeastRecentlyUsed() {
        var cache = GlyphCache(maxGlyphs: 2)
        cache.insert(glyph(4), for: key(1))
        cache.insert(glyph(4), for: key(2))
        #expect(cache.glyph(for: key(1)) != nil)
        cache.insert(glyph(4), for: key(3))
        #expect(cache.glyph(for: key(2)) == nil)
        #expect(cache.glyph(for: key(1)) != nil)
        #expect(cache.glyph(for: key(3)) != nil)
        #expect(cache.statistics.evictions == 1)
        #expect(cache.statistics.count == 2)
    }

    /// The byte bound holds as well as the count bound
    @Test func byteBoundHolds() {
        // Each 30x30 glyph is 900 bytes plus 64 of overhead: 3 fit in 3000 bytes.
        var cache = GlyphCache(maxGlyphs: 100, maxBytes: 3000)
        for index in 0..<10 { cache.insert(glyph(30), for: key(UInt32(index))) }
        #expect(cache.statistics.count == 3)
        #expect(cache.statistics.bytes <= 3000)
        #expect(cache.statistics.evictions == 7)
        #expect(cache.glyph(for: key(9)) != nil)
        #expect(cache.glyph(for: key(6)) == nil)
    }

    /// Laying out the same text twice renders no new glyph the second time
    @Test func secondLayoutRendersNothingNew() throws {
        let fonts = try FontSet.standard()
        let text = "请将身份证放置于读卡区，按照语音提示完成操作。"
        let first = fonts.layout(text, width: 600, style: TextStyle(pixelSize: 32))
        let afterFirst = fonts.cacheStatistics
        let second = fonts.layout(text, width: 600, style: TextStyle(pixelSize: 32))
        #expect(fonts.cacheStatistics.misses == afterFirst.misses)
        #expect(fonts.cacheStatistics.hits >= afterFirst.hits + text.unicodeScalars.count)
        #expect(first == second)
    }

    /// A font set with a small cache never holds more than its bound, and still lays out right
    @Test func fontSetEvictionRespectsTheBound() throws {
        let fonts = try FontSet.standard(cache: GlyphCache(maxGlyphs: 8))
        let text = "政务服务自助终端为群众提供二十四小时不打烊服务"
        let layout = fonts.layout(text, style: TextStyle(pixelSize: 24))
        #expect(fonts.cacheStatistics.count <= 8)
        #expect(fonts.cacheStatistics.evictions >= Set(text).count - 8)
        #expect(layout.size.width == text.count * 24)
    }

    /// The first layout renders each distinct character once, however often it repeats
    @Test func firstLayoutRendersEachDistinctGlyphOnce() throws {
        let fonts = try FontSet.standard()
        let text = "服务服务服务，服务。"
        _ = fonts.layout(text, width: 200, style: TextStyle(pixelSize: 32))
        #expect(fonts.cacheStatistics.misses == Set(text.unicodeScalars).count)
        #expect(fonts.cacheStatistics.count == 4)
    }

    /// The same character at two sizes is two cache entries
    @Test func sizesAreCachedSeparately() throws {
        let fonts = try FontSet.standard()
        let small = fonts.layout("服", style: TextStyle(pixelSize: 24))
        let large = fonts.layout("服", style: TextStyle(pixelSize: 48))
        #expect(fonts.cacheStatistics.misses == 2)
        #expect(large.glyphs[0].mask.width > small.glyphs[0].mask.width)
    }
}
