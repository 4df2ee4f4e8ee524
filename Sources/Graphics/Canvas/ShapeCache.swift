/// Corner masks and blurred shadow pieces, computed the first time a radius or shadow width is
/// drawn and reused after that: a screen uses a handful of radii, and a shadow's blur is the
/// expensive part of drawing it. Glyph masks are cached by the text side, not here.
///
/// Not thread-safe: one renderer owns one cache.
public final class ShapeCache {
    private var corners: [Int: CornerMask] = [:]
    private var shadows: [ShadowKey: ShadowPieces] = [:]
    private var smallShadows: [SmallShadowKey: AlphaMask] = [:]
    private var lastCorner: CornerMask?
    private var lastShadow: ShadowPieces?
    /// Most recently used first; a screen blends a handful of colour pairs.
    private var blendTables: [BlendTable] = []
    private static let blendTableLimit = 32

    private struct ShadowKey: Hashable { var radius: Int, blur: Int }
    private struct SmallShadowKey: Hashable { var width: Int, height: Int, radius: Int, blur: Int }

    public init() {}

    /// How many masks are held, for tests and the status page.
    public var count: Int { corners.count + shadows.count + smallShadows.count }

    func corner(radius: Int) -> CornerMask? {
        guard radius > 0 else { return nil }
        if let last = lastCorner, last.radius == radius { return last }
        let mask = corners[radius] ?? CornerMask(radius: radius)
        corners[radius] = mask
        lastCorner = mask
        return mask
    }

    func shadowPieces(radius: Int, blur: Int) -> ShadowPieces {
        // A screen's shadows are usually all alike: check the last one before hashing.
        if let last = lastShadow, last.radius == radius, last.blur == blur { return last }
        let key = ShadowKey(radius: radius, blur: blur)
        let pieces = shadows[key] ?? ShadowPieces(radius: radius, blur: blur, corner: corner(radius: radius))
        shadows[key] = pieces
        lastShadow = pieces
        return pieces
    }

    /// The table for `color` over `backdrop`, from a short most-recently-used list.
    func blendTable(_ color: Color, over backdrop: UInt32) -> BlendTable {
        if let index = blendTables.firstIndex(where: { $0.matches(color, backdrop: backdrop) }) {
            let table = blendTables[index]
            if index != 0 {
                blendTables.remove(at: index)
                blendTables.insert(table, at: 0)
            }
            return table
        }
        let table = BlendTable(color: color, backdrop: backdrop)
        blendTables.insert(table, at: 0)
        if blendTables.count > Self.blendTableLimit { blendTables.removeLast() }
        return table
    }

    /// A whole shadow mask for a shape too small for the nine pieces to fit.
    func smallShadow(width: Int, height: Int, radius: Int, blur: Int) -> AlphaMask {
        let key = SmallShadowKey(width: width, height: height, radius: radius, blur: blur)
        if let cached = smallShadows[key] { return cached }
        let mask = ShadowMask.whole(width: width, height: height, radius: radius, blur: blur, corner: corner(radius: radius))
        smallShadows[key] = mask
        return mask
    }
}
