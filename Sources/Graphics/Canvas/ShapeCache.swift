/// Corner masks and blurred shadow pieces, computed the first time a radius or shadow width is
/// drawn and reused after that: a screen uses a handful of radii, and a shadow's blur is the
/// expensive part of drawing it. Glyph masks are cached by the text side, not here.
///
/// Not thread-safe: one renderer owns one cache.
public final class ShapeCache {
    private var corners: [Int: CornerMask] = [:]
    private var shadows: [ShadowKey: ShadowPieces] = [:]
    private var smallShadows: [SmallShadowKey: AlphaMask] = [:]

    private struct ShadowKey: Hashable { var radius: Int, blur: Int }
    private struct SmallShadowKey: Hashable { var width: Int, height: Int, radius: Int, blur: Int }

    public init() {}

    /// How many masks are held, for tests and the status page.
    public var count: Int { corners.count + shadows.count + smallShadows.count }

    func corner(radius: Int) -> CornerMask? {
        guard radius > 0 else { return nil }
        if let cached = corners[radius] { return cached }
        let mask = CornerMask(radius: radius)
        corners[radius] = mask
        return mask
    }

    func shadowPieces(radius: Int, blur: Int) -> ShadowPieces {
        let key = ShadowKey(radius: radius, blur: blur)
        if let cached = shadows[key] { return cached }
        let pieces = ShadowPieces(radius: radius, blur: blur, corner: corner(radius: radius))
        shadows[key] = pieces
        return pieces
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
