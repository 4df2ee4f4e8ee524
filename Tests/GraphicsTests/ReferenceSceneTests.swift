import Testing
@testable import Graphics

@Suite struct ReferenceSceneTests {
    /// The twelve buttons are 30% x 22% of the grid box, inside it, in rows of three, apart.
    @Test func buttonGeometry() {
        let scene = ReferenceScene()
        #expect(scene.gridBox == Rect(x: 43, y: 140, width: 993, height: 1056))
        let buttons = scene.buttons
        #expect(buttons.count == 12)
        #expect(buttons.allSatisfy { $0.width == 297 && $0.height == 232 && scene.gridBox.contains($0) })
        #expect(buttons[0].minY == buttons[2].minY && buttons[3].minY > buttons[0].maxY)
        for (index, button) in buttons.enumerated() {
            for other in buttons[(index + 1)...] { #expect(!button.intersects(other)) }
        }
    }

    /// Rendered with the real fonts at 1080x1920: the button colour inside every button,
    /// the background around them, white in the title, the paragraph colour near the bottom.
    @Test func renderedSceneHasItsColoursWhereExpected() throws {
        let fonts = try FontSet(chain: [.notoSansCJKSimplifiedChinese])
        let scene = ReferenceScene()
        let list = scene.drawList(fonts: fonts)
        let frame = PixelBuffer(width: 1080, height: 1920)
        ScreenRenderer().render(list, into: frame)
        for button in scene.buttons {
            // Between the top of the button and its centred label.
            #expect(frame.color(x: button.minX + button.width / 2, y: button.minY + 30) == ReferenceScene.buttonColor)
            #expect(frame.color(x: button.minX + 10, y: button.minY + button.height / 2) == ReferenceScene.buttonColor)
            // Outside the shadow (which reaches 10 px out) the background shows.
            #expect(frame.color(x: button.minX - 12, y: button.minY + button.height / 2) == ReferenceScene.background)
        }
        #expect(frame.color(x: 5, y: 5) == ReferenceScene.background)
        #expect(frame.color(x: 1075, y: 1300) == ReferenceScene.background)
        let titleRow = (40..<100).flatMap { y in (0..<1080).map { frame.color(x: $0, y: y) } }
        #expect(titleRow.contains(.white))
        let paragraphRows = (1600..<1860).flatMap { y in (0..<1080).map { frame.color(x: $0, y: y) } }
        #expect(paragraphRows.contains(ReferenceScene.paragraphColor))
        // Every label's ink lies inside its button.
        for case .text(let layout, let origin, let color) in list.commands where color == .white && layout.lines.count == 1 && origin.y > 140 {
            let ink = layout.inkBounds.offsetBy(dx: origin.x, dy: origin.y)
            #expect(scene.buttons.contains { $0.contains(ink) })
        }
    }
}
