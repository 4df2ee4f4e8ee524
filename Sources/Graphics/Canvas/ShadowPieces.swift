/// A blurred rounded rectangle cut into nine pieces, so that a shadow of any size (at least
/// `minimumSide` on each side) is drawn from four corner squares, one edge profile and a solid
/// centre. Computed once per (radius, blur) and cached in `ShapeCache`; a class holding one
/// block of raw memory, so drawing takes no reference counting per piece.
///
/// Geometry, from the shadow's outer edge inwards: `blur` pixels of fade outside the shape's
/// edge and `blur` inside it, so the outer bounds are the shape grown by `blur` on each side.
final class ShadowPieces {
    let radius: Int
    let blur: Int
    /// Side of each corner square: the corner's rounding plus the fade on both sides of the edge.
    let cornerSide: Int
    /// Corner squares, row by row, `cornerSide` x `cornerSide` each.
    let topLeft, topRight, bottomLeft, bottomRight: UnsafeMutablePointer<UInt8>
    /// Coverage across an edge, from the outer edge inwards, `cornerSide` long; the same for all
    /// four edges (the source is symmetric). `reversedProfile` runs inside out, for right edges.
    let profile, reversedProfile: UnsafeMutablePointer<UInt8>
    private let storage: UnsafeMutablePointer<UInt8>

    /// The smallest outer side (shape plus fade) the pieces can be assembled into.
    var minimumSide: Int { 2 * cornerSide }

    init(radius: Int, blur: Int, corner: CornerMask?) {
        self.radius = radius
        self.blur = blur
        let side = radius + 2 * blur
        cornerSide = side
        let square = side * side
        storage = .allocate(capacity: 4 * square + 2 * side)
        topLeft = storage
        topRight = storage + square
        bottomLeft = storage + 2 * square
        bottomRight = storage + 3 * square
        profile = storage + 4 * square
        reversedProfile = profile + side
        // A square 2 * side + 1 wide: four corners and one row and column of pure edge between
        // them, which is the profile.
        let sourceSide = 2 * side + 1
        let shapeSide = sourceSide - 2 * blur
        let source = ShadowMask.whole(width: shapeSide, height: shapeSide, radius: radius, blur: blur, corner: corner)
        for y in 0..<side {
            for x in 0..<side {
                topLeft[y * side + x] = source[x, y]
                topRight[y * side + x] = source[side + 1 + x, y]
                bottomLeft[y * side + x] = source[x, side + 1 + y]
                bottomRight[y * side + x] = source[side + 1 + x, side + 1 + y]
            }
        }
        for index in 0..<side {
            profile[index] = source[side, index]
            reversedProfile[side - 1 - index] = source[side, index]
        }
    }

    deinit {
        storage.deallocate()
    }
}
