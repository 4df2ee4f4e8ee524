import Testing
@testable import Graphics

@Suite struct ScreenRendererTests {
    typealias Support = RenderingTestSupport

    /// Banded rendering with overdraw culling gives exactly the pixels of drawing every command
    /// in order over the whole frame, for every band height.
    @Test(arguments: [1, 7, 48, 500])
    func bandedCulledRenderEqualsNaiveDrawing(bandHeight: Int) {
        let scene = ReferenceScene(width: 270, height: 480)
        let list = scene.drawList(layout: Support.fakeLayout)
        let rendered = PixelBuffer(width: 270, height: 480)
        ScreenRenderer(bandHeight: bandHeight).render(list, into: rendered)
        let expected = PixelBuffer(width: 270, height: 480)
        Support.drawNaively(list, into: expected)
        #expect(Support.differences(rendered, expected).isEmpty)
    }

    /// Repainting one area touches nothing outside it and leaves it as a full render would.
    @Test func repaintOfAnAreaStaysInside() {
        let scene = ReferenceScene(width: 270, height: 480)
        let list = scene.drawList(layout: Support.fakeLayout)
        let frame = PixelBuffer(width: 270, height: 480, color: Color(rgb: 0xABCDEF))
        let area = Rect(x: 30, y: 50, width: 80, height: 40)
        ScreenRenderer().repaint(list, in: area, into: frame)
        let expected = PixelBuffer(width: 270, height: 480)
        Support.drawNaively(list, into: expected)
        for y in 0..<480 {
            for x in 0..<270 {
                let inside = area.contains(Point(x: x, y: y))
                if inside {
                    #expect(frame[x, y] == expected[x, y])
                } else if frame[x, y] != 0xFFAB_CDEF {
                    Issue.record("pixel (\(x), \(y)) outside the area changed")
                    return
                }
            }
        }
    }

    /// Pixels no command covers show the clear colour.
    @Test func uncoveredPixelsShowTheClearColour() {
        let frame = PixelBuffer(width: 10, height: 10, color: .white)
        ScreenRenderer(clearColor: Color(rgb: 0x010101)).render(DrawList([.fill(Rect(x: 0, y: 0, width: 5, height: 10), .white)]), into: frame)
        #expect(frame[7, 7] == 0xFF01_0101)
        #expect(frame[2, 2] == 0xFFFF_FFFF)
    }

    /// Overlapping and close rectangles merge; distant ones stay apart; the count is capped.
    @Test func damageRegionMerges() {
        var damage = DamageRegion(bounds: Rect(x: 0, y: 0, width: 1000, height: 1000), maximumCount: 3)
        damage.add(Rect(x: 0, y: 0, width: 10, height: 10))
        damage.add(Rect(x: 5, y: 5, width: 10, height: 10))
        #expect(damage.rects == [Rect(x: 0, y: 0, width: 15, height: 15)])
        damage.add(Rect(x: 500, y: 500, width: 10, height: 10))
        damage.add(Rect(x: 900, y: 0, width: 10, height: 10))
        #expect(damage.rects.count == 3)
        damage.add(Rect(x: 0, y: 900, width: 10, height: 10))
        #expect(damage.rects.count == 3)
        damage.add(Rect(x: -50, y: -50, width: 10, height: 10))
        #expect(damage.rects.count == 3)
        #expect(damage.rects.allSatisfy { damage.bounds.contains($0) })
    }

    /// The test pattern puts its bars, ramps and frame where they belong.
    @Test func testPatternLayout() {
        let frame = PixelBuffer(width: 800, height: 1280)
        ScreenRenderer().render(TestPattern.drawList(width: 800, height: 1280), into: frame)
        #expect(frame[0, 0] == 0xFFFF_FFFF)
        #expect(frame[799, 1279] == 0xFFFF_FFFF)
        #expect(frame.color(x: 50, y: 200) == .white)
        #expect(frame.color(x: 50 + 100, y: 200) == Color(rgb: 0xFFFF00))
        #expect(frame.color(x: 5 * 100 + 50, y: 200) == Color(rgb: 0xFF0000))
        // The grey ramp grows from black to white.
        let ramp = 1280 / 3 + 10
        #expect(frame.color(x: 1, y: ramp).red < 5)
        #expect(frame.color(x: 400, y: ramp).red > 120 && frame.color(x: 400, y: ramp).red < 136)
        #expect(frame.color(x: 798, y: ramp).red > 250)
    }
}
