import Testing
@testable import Graphics

@Suite struct ShadowTests {
    /// Coverage along a line going out from the box's edge only ever falls, from solid inside the
    /// shape to nothing at the shadow's bounds, and the box's edge is about half covered.
    @Test func shadowFadesOutward() {
        let buffer = PixelBuffer(width: 200, height: 200, color: .white)
        let shadow = BoxShadow(box: Rect(x: 50, y: 50, width: 100, height: 100), radius: 10, width: 20)
        Canvas(buffer).draw(shadow, shapes: ShapeCache())
        #expect(shadow.bounds == Rect(x: 40, y: 40, width: 120, height: 120))
        // Darkness (255 - red) from the centre of the left edge outwards.
        let darkness = (35...60).reversed().map { 255 - Int(buffer.color(x: $0, y: 100).red) }
        #expect(darkness.first == 255)
        #expect(zip(darkness, darkness.dropFirst()).allSatisfy { $0 >= $1 }, "darkness should fall outwards: \(darkness)")
        #expect(buffer[39, 100] == 0xFFFF_FFFF)
        let atEdge = 255 - Int(buffer.color(x: 50, y: 100).red)
        #expect((100...160).contains(atEdge), "the box's edge should be about half dark, got \(atEdge)")
        #expect(buffer[100, 100] == 0xFF00_0000)
    }

    /// The shadow's colour and alpha apply: a 50% red shadow over white is pink in the middle.
    @Test func shadowUsesItsColour() {
        let buffer = PixelBuffer(width: 120, height: 120, color: .white)
        Canvas(buffer).draw(BoxShadow(box: Rect(x: 20, y: 20, width: 80, height: 80), radius: 8, width: 10, color: Color(rgb: 0xFF0000, alpha: 128)), shapes: ShapeCache())
        #expect(buffer[60, 60] == 0xFFFF_7F7F)
    }

    /// An offset moves the shadow, and spread grows it.
    @Test func offsetAndSpreadMoveAndGrowTheShadow() {
        let shadow = BoxShadow(box: Rect(x: 50, y: 50, width: 100, height: 100), radius: 10, width: 20, offset: Point(x: 5, y: 8), spread: 3)
        #expect(shadow.bounds == Rect(x: 42, y: 45, width: 126, height: 126))
    }

    /// A box too small for the nine cached pieces gets a whole cached mask that looks the same:
    /// solid middle, faded edge, clear outside.
    @Test func smallShadowUsesAWholeMask() {
        let buffer = PixelBuffer(width: 60, height: 60, color: .white)
        let shapes = ShapeCache()
        Canvas(buffer).draw(BoxShadow(box: Rect(x: 20, y: 20, width: 20, height: 20), radius: 6, width: 16), shapes: shapes)
        #expect(buffer[30, 30] == 0xFF00_0000)
        #expect(buffer[11, 30] == 0xFFFF_FFFF)
        let edge = buffer.color(x: 20, y: 30).red
        #expect(edge > 60 && edge < 200)
    }

    /// Drawing the same shadow twice reuses the blurred pieces.
    @Test func shadowPiecesAreCached() {
        let buffer = PixelBuffer(width: 300, height: 300)
        let shapes = ShapeCache()
        let canvas = Canvas(buffer)
        canvas.draw(BoxShadow(box: Rect(x: 20, y: 20, width: 100, height: 100), radius: 12, width: 20), shapes: shapes)
        let afterFirst = shapes.count
        canvas.draw(BoxShadow(box: Rect(x: 150, y: 150, width: 120, height: 80), radius: 12, width: 20), shapes: shapes)
        #expect(shapes.count == afterFirst)
    }

    /// The nine cached pieces assemble into exactly the shadow one whole blurred mask gives.
    @Test func piecesAssembleIntoTheWholeShadow() {
        let shadow = BoxShadow(box: Rect(x: 30, y: 20, width: 150, height: 110), radius: 14, width: 20)
        let assembled = PixelBuffer(width: 220, height: 160, color: .white)
        Canvas(assembled).draw(shadow, shapes: ShapeCache())
        let whole = PixelBuffer(width: 220, height: 160, color: .white)
        let mask = ShadowMask.whole(width: 150, height: 110, radius: 14, blur: 10, corner: CornerMask(radius: 14))
        Canvas(whole).blend(mask, at: Point(x: 20, y: 10), color: .black)
        #expect(RenderingTestSupport.differences(assembled, whole).isEmpty)
    }

    /// A shadow drawn strip by strip through small clips (as the renderer's bands and culling
    /// do) gives the same pixels as drawn at once.
    @Test(arguments: [1, 5, 13, 64])
    func shadowDrawnInStripsEqualsWholeDraw(strip: Int) {
        let shadow = BoxShadow(box: Rect(x: 30, y: 25, width: 160, height: 120), radius: 20, width: 24, offset: Point(x: 3, y: 6))
        let whole = PixelBuffer(width: 240, height: 200, color: Color(rgb: 0x0B1A33))
        Canvas(whole).draw(shadow, shapes: ShapeCache())
        let strips = PixelBuffer(width: 240, height: 200, color: Color(rgb: 0x0B1A33))
        let shapes = ShapeCache()
        for top in stride(from: 0, to: 200, by: strip) {
            for left in stride(from: 0, to: 240, by: 37) {
                Canvas(strips, clip: Rect(x: left, y: top, width: 37, height: strip)).draw(shadow, backdrop: Color(rgb: 0x0B1A33), shapes: shapes)
            }
        }
        #expect(RenderingTestSupport.differences(whole, strips).isEmpty)
    }
}
