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
        // The source is symmetric about its middle row and column, so only the top-left
        // quadrant (with the middle column, the profile) is blurred; the other corners are its
        // mirror images.
        let quadrant = ShadowMask.whole(
            width: shapeSide, height: shapeSide, radius: radius, blur: blur, corner: corner, topLeft: (side + 1, side)
        )
        for y in 0..<side {
            for x in 0..<side {
                let value = quadrant[x, y]
                topLeft[y * side + x] = value
                topRight[y * side + (side - 1 - x)] = value
                bottomLeft[(side - 1 - y) * side + x] = value
                bottomRight[(side - 1 - y) * side + (side - 1 - x)] = value
            }
        }
        for index in 0..<side {
            profile[index] = quadrant[side, index]
            reversedProfile[side - 1 - index] = quadrant[side, index]
        }
    }

    deinit {
        storage.deallocate()
    }
}
