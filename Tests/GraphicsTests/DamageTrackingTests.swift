import Testing
@testable import Graphics

@Suite struct DamageTrackingTests {
    typealias Support = RenderingTestSupport
    let screen = Rect(x: 0, y: 0, width: 200, height: 160)

    private func scene(buttonColor: Color = Color(rgb: 0x2196F3), labelAt label: Point = Point(x: 40, y: 40)) -> DrawList {
        DrawList([
            .fill(screen, Color(rgb: 0x0B1A33)),
            .shadow(BoxShadow(box: Rect(x: 20, y: 20, width: 80, height: 60), radius: 12, width: 10)),
            .roundedRect(Rect(x: 20, y: 20, width: 80, height: 60), radius: 12, color: buttonColor),
            .text(Support.block(width: 30, height: 12), origin: label, color: .white),
            .roundedRect(Rect(x: 120, y: 90, width: 60, height: 50), radius: 8, color: Color.white.withAlpha(100)),
        ])
    }

    /// The first render paints the whole frame and says so.
    @Test func firstRenderIsFull() {
        let frame = PixelBuffer(width: screen.width, height: screen.height)
        #expect(ScreenRenderer().render(scene(), into: frame) == [screen])
    }

    /// An identical list draws nothing and reports no damage.
    @Test func identicalListGivesNoDamage() {
        let frame = PixelBuffer(width: screen.width, height: screen.height)
        let renderer = ScreenRenderer()
        renderer.render(scene(), into: frame)
        frame[0, 0] = 0x1234_5678  // would be repainted if anything were drawn there
        #expect(renderer.render(scene(), into: frame).isEmpty)
        #expect(frame[0, 0] == 0x1234_5678)
    }

    /// Changing a button's colour redraws exactly its bounds: the damage is that rectangle,
    /// every pixel outside it is untouched, and the frame equals a full repaint of the new list.
    @Test func changedCommandRedrawsOnlyItsRegion() {
        let frame = PixelBuffer(width: screen.width, height: screen.height)
        let renderer = ScreenRenderer()
        renderer.render(scene(), into: frame)
        let before = Support.copy(frame)
        let damage = renderer.render(scene(buttonColor: Color(rgb: 0xF44336)), into: frame)
        #expect(damage == [Rect(x: 20, y: 20, width: 80, height: 60)])
        for point in Support.differences(before, frame, limit: .max) {
            #expect(damage[0].contains(point), "pixel \(point) outside the damage changed")
        }
        #expect(frame.color(x: 60, y: 70) == Color(rgb: 0xF44336))
        let expected = PixelBuffer(width: screen.width, height: screen.height)
        Support.drawNaively(scene(buttonColor: Color(rgb: 0xF44336)), into: expected)
        #expect(Support.differences(frame, expected).isEmpty)
    }

    /// Moving text far away damages its old and its new bounds, and nothing else.
    @Test func movedCommandDamagesOldAndNewBounds() {
        let frame = PixelBuffer(width: screen.width, height: screen.height)
        let renderer = ScreenRenderer()
        renderer.render(scene(), into: frame)
        let damage = renderer.render(scene(labelAt: Point(x: 130, y: 20)), into: frame)
        #expect(Set(damage) == [Rect(x: 40, y: 40, width: 30, height: 12), Rect(x: 130, y: 20, width: 30, height: 12)])
        let expected = PixelBuffer(width: screen.width, height: screen.height)
        Support.drawNaively(scene(labelAt: Point(x: 130, y: 20)), into: expected)
        #expect(Support.differences(frame, expected).isEmpty)
    }

    /// Removing and inserting commands damages just their bounds, and the frame still equals a
    /// full repaint (a translucent command is not blended twice).
    @Test func insertionAndRemovalMatchAFullRepaint() {
        let frame = PixelBuffer(width: screen.width, height: screen.height)
        let renderer = ScreenRenderer()
        var list = scene()
        renderer.render(list, into: frame)
        list.commands.insert(.fill(Rect(x: 5, y: 100, width: 50, height: 30), Color(rgb: 0x00FF00, alpha: 120)), at: 1)
        #expect(renderer.render(list, into: frame) == [Rect(x: 5, y: 100, width: 50, height: 30)])
        list.commands.removeLast()
        #expect(renderer.render(list, into: frame) == [Rect(x: 120, y: 90, width: 60, height: 50)])
        let expected = PixelBuffer(width: screen.width, height: screen.height)
        Support.drawNaively(list, into: expected)
        #expect(Support.differences(frame, expected).isEmpty)
    }

    /// After `invalidate()` the next render repaints everything.
    @Test func invalidateForcesAFullRepaint() {
        let frame = PixelBuffer(width: screen.width, height: screen.height)
        let renderer = ScreenRenderer()
        renderer.render(scene(), into: frame)
        renderer.invalidate()
        #expect(renderer.render(scene(), into: frame) == [screen])
    }
}
