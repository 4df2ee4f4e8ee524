/// Cuts rectangles out of a rectangle, leaving disjoint rectangles: how the renderer skips the
/// parts of a command that a later opaque command paints over anyway.
enum RectSubtraction {
    /// Replaces `pieces` (disjoint) by the parts of them outside `hole`, using `scratch` as the
    /// second buffer so that nothing is allocated once both have grown.
    static func subtract(_ hole: Rect, from pieces: inout [Rect], scratch: inout [Rect]) {
        guard !hole.isEmpty else { return }
        scratch.removeAll(keepingCapacity: true)
        for piece in pieces {
            let overlap = piece.intersection(hole)
            guard !overlap.isEmpty else {
                scratch.append(piece)
                continue
            }
            // Full-width bands above and below the hole, then the parts left and right of it.
            if overlap.minY > piece.minY {
                scratch.append(Rect(x: piece.minX, y: piece.minY, width: piece.width, height: overlap.minY - piece.minY))
            }
            if overlap.maxY < piece.maxY {
                scratch.append(Rect(x: piece.minX, y: overlap.maxY, width: piece.width, height: piece.maxY - overlap.maxY))
            }
            if overlap.minX > piece.minX {
                scratch.append(Rect(x: piece.minX, y: overlap.minY, width: overlap.minX - piece.minX, height: overlap.height))
            }
            if overlap.maxX < piece.maxX {
                scratch.append(Rect(x: overlap.maxX, y: overlap.minY, width: piece.maxX - overlap.maxX, height: overlap.height))
            }
        }
        swap(&pieces, &scratch)
    }
}
