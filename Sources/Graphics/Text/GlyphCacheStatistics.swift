/// Counters of a `GlyphCache`, for the benchmarks and `kioskctl status`.
public struct GlyphCacheStatistics: Equatable, Sendable, CustomStringConvertible {
    /// Glyphs found in the cache.
    public var hits = 0
    /// Glyphs rendered by FreeType because they were not in the cache.
    public var misses = 0
    /// Glyphs dropped to stay within the bounds.
    public var evictions = 0
    /// Glyphs held now.
    public var count = 0
    /// Bytes held now (coverage plus a fixed overhead per glyph).
    public var bytes = 0

    public init() {}

    public var description: String {
        "\(count) glyphs (\(bytes / 1024) KiB), \(hits) hits, \(misses) misses, \(evictions) evictions"
    }
}
