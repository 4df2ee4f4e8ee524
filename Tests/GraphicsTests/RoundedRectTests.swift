import Testing
@testable import Graphics

@Suite struct RoundedRectTests {
    /// The middle is solid, the very corner pixel is left alone, pixels on the arc are partly
    /// covered, and the straight edges are solid.
    @Test func cornersAreAntiAliased() {
        let buffer = PixelBuffer(width: 40, height: 40, color: .black)
        let rect = Rect(x: 5, y: 5, width: 30, height: 30)
        Canvas(buffer).fillRoundedRect(rect, radius: 10, color: .white, shapes: ShapeCache())
        #expect(buffer[20, 20] == 0xFFFF_FFFF)
        #expect(buffer[5, 20] == 0xFFFF_FFFF)
        #expect(buffer[20, 5] == 0xFFFF_FFFF)
        for corner in [Point(x: 5, y: 5), Point(x: 34, y: 5), Point(x: 5, y: 34), Point(x: 34, y: 34)] {
            #expect(buffer[corner.x, corner.y] == 0xFF00_0000, "corner \(corner) should be outside the arc")
        }
        // The pixel where the arc crosses the diagonal (about 2.9 px in from the corner).
        let onArc = buffer.color(x: 5 + 2, y: 5 + 3)
        #expect(onArc.red > 20 && onArc.red < 235, "an arc pixel should be partly covered, got \(onArc)")
        // Symmetric corners get the same coverage.
        #expect(buffer[5 + 2, 5 + 3] == buffer[34 - 2, 5 + 3])
        #expect(buffer[5 + 2, 5 + 3] == buffer[5 + 2, 34 - 3])
        // Nothing outside the rectangle.
        #expect(buffer[4, 20] == 0xFF00_0000)
        #expect(buffer[35, 20] == 0xFF00_0000)
    }

    /// A corner mask is computed once per radius and reused.
    @Test func cornerMasksAreCachedByRadius() {
        let buffer = PixelBuffer(width: 100, height: 100)
        let shapes = ShapeCache()
        let canvas = Canvas(buffer)
        canvas.fillRoundedRect(Rect(x: 0, y: 0, width: 50, height: 50), radius: 8, color: .white, shapes: shapes)
        canvas.fillRoundedRect(Rect(x: 50, y: 50, width: 40, height: 30), radius: 8, color: .white, shapes: shapes)
        #expect(shapes.count == 1)
        canvas.fillRoundedRect(Rect(x: 0, y: 50, width: 40, height: 30), radius: 6, color: .white, shapes: shapes)
        #expect(shapes.count == 2)
    }

    /// A radius larger than half the shorter side is clamped: a 20 px high pill, not garbage.
    @Test func radiusIsClampedToHalfTheShorterSide() {
        let buffer = PixelBuffer(width: 60, height: 20, color: .black)
        Canvas(buffer).fillRoundedRect(buffer.bounds, radius: 50, color: .white, shapes: ShapeCache())
        #expect(buffer[30, 10] == 0xFFFF_FFFF)
        #expect(buffer[0, 0] == 0xFF00_0000)
        #expect(buffer[10, 0] != 0xFF00_0000)
    }
}
