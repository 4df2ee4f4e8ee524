/// A blurred rounded rectangle cut into nine pieces, so that a shadow of any size (at least
/// `minimumSide` on each side) is drawn from four corner squares, one edge profile and a solid
/// centre. Computed once per (radius, blur) and cached in `ShapeCache`.
///
/// Geometry, from the shadow's outer edge inwards: `blur` pixels of fade outside the shape's
/// edge and `blur` inside it, so the outer bounds are the shape grown by `blur` on each side.
struct ShadowPieces {
    let radius: Int
    let blur: Int
    /// Side of each corner square: the corner's rounding plus the fade on both sides of the edge.
    let cornerSide: Int
    let topLeft: [UInt8], topRight: [UInt8], bottomLeft: [UInt8], bottomRight: [UInt8]
    /// Coverage across an edge, from the outer edge inwards, `cornerSide` long; the same for all
    /// four edges (the source is symmetric). `reversedProfile` runs inside out, for right edges.
    let profile: [UInt8]
    let reversedProfile: [UInt8]

    /// The smallest outer side (shape plus fade) the pieces can be assembled into.
    var minimumSide: Int { 2 * cornerSide }

    init(radius: Int, blur: Int, corner: CornerMask?) {
        self.radius = radius
        self.blur = blur
        let side = radius + 2 * blur
        cornerSide = side
        // A square 2 * side + 1 wide: four corners and one row and column of pure edge between
        // them, which is the profile.
        let sourceSide = 2 * side + 1
        let shapeSide = sourceSide - 2 * blur
        let source = ShadowMask.whole(width: shapeSide, height: shapeSide, radius: radius, blur: blur, corner: corner)
        func piece(x x0: Int, y y0: Int) -> [UInt8] {
            var values = [UInt8](repeating: 0, count: side * side)
            for y in 0..<side {
                for x in 0..<side {
                    values[y * side + x] = source[x0 + x, y0 + y]
                }
            }
            return values
        }
        topLeft = piece(x: 0, y: 0)
        topRight = piece(x: side + 1, y: 0)
        bottomLeft = piece(x: 0, y: side + 1)
        bottomRight = piece(x: side + 1, y: side + 1)
        profile = (0..<side).map { source[side, $0] }
        reversedProfile = profile.reversed()
    }
}
