/// The parts of a frame that must be redrawn and copied to the screen, kept as a few
/// rectangles: overlapping ones are merged, as are close ones whose union wastes little, and
/// past `maximumCount` the two whose union wastes least are merged.
public struct DamageRegion: Sendable, Equatable {
    public private(set) var rects: [Rect] = []
    /// The frame: damage outside it is dropped.
    public let bounds: Rect
    public let maximumCount: Int

    public init(bounds: Rect, maximumCount: Int = 8) {
        precondition(maximumCount > 0, "a damage region needs room for one rectangle")
        self.bounds = bounds
        self.maximumCount = maximumCount
    }

    public var isEmpty: Bool { rects.isEmpty }

    public mutating func add(_ rect: Rect) {
        var pending = rect.intersection(bounds)
        guard !pending.isEmpty else { return }
        // Merge until the pending rectangle neither overlaps nor cheaply joins any other.
        var merged = true
        while merged {
            merged = false
            for index in rects.indices where Self.shouldMerge(rects[index], pending) {
                pending = pending.union(rects.remove(at: index))
                merged = true
                break
            }
        }
        rects.append(pending)
        while rects.count > maximumCount { mergeCheapestPair() }
    }

    /// Pixels the union of `a` and `b` covers that neither does.
    static func waste(_ a: Rect, _ b: Rect) -> Int {
        a.union(b).area - (a.area + b.area - a.intersection(b).area)
    }

    private static func shouldMerge(_ a: Rect, _ b: Rect) -> Bool {
        // Overlapping rectangles are always merged, so no pixel is drawn or copied twice;
        // others when the union is at most an eighth larger than what they cover.
        a.intersects(b) || waste(a, b) * 8 <= a.union(b).area
    }

    private mutating func mergeCheapestPair() {
        var best = (first: 0, second: 1, waste: Int.max)
        for first in rects.indices {
            for second in (first + 1)..<rects.count {
                let waste = Self.waste(rects[first], rects[second])
                if waste < best.waste { best = (first, second, waste) }
            }
        }
        let joined = rects[best.first].union(rects[best.second])
        rects.remove(at: best.second)
        rects.remove(at: best.first)
        add(joined)
    }
}
