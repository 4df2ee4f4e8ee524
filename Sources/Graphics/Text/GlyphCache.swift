/// Rendered glyphs, least recently used first out, bounded both by count and by bytes (a 48 px
/// hanzi is about 2 KB, a 96 px one about 8 KB: a count alone would not bound the memory).
///
/// The entries live in arrays linked by index, so a hit moves no memory and allocates nothing.
/// Not thread-safe: owned by one `FontSet`.
public struct GlyphCache {
    public let maxGlyphs: Int
    public let maxBytes: Int
    public private(set) var statistics = GlyphCacheStatistics()

    private struct Entry {
        var key: GlyphKey
        var glyph: RenderedGlyph
        var newer: Int
        var older: Int
    }

    private var slots: [GlyphKey: Int] = [:]
    private var entries: [Entry] = []
    private var freeSlots: [Int] = []
    /// Most recently used; -1 when empty.
    private var newest = -1
    /// Least recently used, the next to go; -1 when empty.
    private var oldest = -1

    /// - Parameters:
    ///   - maxGlyphs: at least 1.
    ///   - maxBytes: a glyph bigger than this is still kept, alone.
    public init(maxGlyphs: Int = 4096, maxBytes: Int = 12 << 20) {
        precondition(maxGlyphs >= 1 && maxBytes >= 1, "glyph cache bounds must be positive")
        self.maxGlyphs = maxGlyphs
        self.maxBytes = maxBytes
    }

    /// The cached glyph, marked as just used, counting a hit; nil (counting a miss) if absent.
    mutating func glyph(for key: GlyphKey) -> RenderedGlyph? {
        guard let slot = slots[key] else {
            statistics.misses += 1
            return nil
        }
        statistics.hits += 1
        moveToNewest(slot)
        return entries[slot].glyph
    }

    /// Adds a glyph that `glyph(for:)` just missed, evicting the least recently used ones.
    mutating func insert(_ glyph: RenderedGlyph, for key: GlyphKey) {
        precondition(slots[key] == nil, "glyph inserted twice")
        let entry = Entry(key: key, glyph: glyph, newer: -1, older: newest)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            entries[slot] = entry
        } else {
            slot = entries.count
            entries.append(entry)
        }
        if newest >= 0 { entries[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
        slots[key] = slot
        statistics.count += 1
        statistics.bytes += glyph.byteCount
        while statistics.count > maxGlyphs || (statistics.bytes > maxBytes && statistics.count > 1) {
            evictOldest()
        }
    }

    /// Drops every glyph; the counters of hits, misses and evictions stay.
    public mutating func removeAll() {
        slots.removeAll()
        entries.removeAll()
        freeSlots.removeAll()
        newest = -1
        oldest = -1
        statistics.count = 0
        statistics.bytes = 0
    }

    private mutating func evictOldest() {
        let slot = oldest
        unlink(slot)
        slots[entries[slot].key] = nil
        statistics.count -= 1
        statistics.bytes -= entries[slot].glyph.byteCount
        statistics.evictions += 1
        // Release the coverage now rather than when the slot is reused.
        entries[slot].glyph = RenderedGlyph(mask: AlphaMask(width: 0, height: 0), left: 0, top: 0, advance: 0)
        freeSlots.append(slot)
    }

    private mutating func moveToNewest(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        entries[slot].older = newest
        entries[slot].newer = -1
        if newest >= 0 { entries[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let newer = entries[slot].newer, older = entries[slot].older
        if newer >= 0 { entries[newer].older = older } else { newest = older }
        if older >= 0 { entries[older].newer = newer } else { oldest = newer }
        entries[slot].newer = -1
        entries[slot].older = -1
    }
}
