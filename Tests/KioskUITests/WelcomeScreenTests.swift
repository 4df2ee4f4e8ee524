import Graphics
import Testing
@testable import KioskUI

/// The screen kioskd shows before the journey takes over, drawn with the real fonts.
@Suite struct WelcomeScreenTests {
    /// Should lay out every text with no missing glyph, inside the screen, on the background colour
    @Test(arguments: [(1080, 1920), (800, 1280), (1920, 1080)])
    func textFitsWithNoMissingGlyphs(width: Int, height: Int) throws {
        let fonts = try FontSet.standard()
        let list = WelcomeScreen.drawList(width: width, height: height, kioskID: "K-0412", fonts: fonts)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        var texts = 0
        for command in list.commands {
            guard case let .text(layout, origin, color) = command else { continue }
            texts += 1
            #expect(layout.missingGlyphCount == 0, "\(layout.lines)")
            #expect(!layout.isTruncated, "\(layout.lines)")
            #expect(screen.contains(command.bounds), "\(layout.lines) at \(command.bounds)")
            #expect(ContrastRatio.between(color, Theme.background) >= 4.5)
            _ = origin
        }
        #expect(texts == 4)
        let frame = PixelBuffer(width: width, height: height)
        ScreenRenderer().render(list, into: frame)
        #expect(frame.color(x: 2, y: 2) == Theme.background)
    }

    /// Should compute WCAG contrast: black on white is 21, a colour on itself 1
    @Test func contrastRatio() {
        #expect(abs(ContrastRatio.between(.black, .white) - 21) < 0.01)
        #expect(abs(ContrastRatio.between(Theme.accent, Theme.accent) - 1) < 0.001)
        #expect(ContrastRatio.between(Color(rgb: 0x777777), .white) < 4.5)
    }

    /// Should place five calibration targets inside the screen, all different, centre last
    @Test func calibrationTargets() {
        let targets = CalibrationScreen.targets(width: 1080, height: 1920)
        #expect(targets.count == 5)
        #expect(Set(targets.map { "\($0.x),\($0.y)" }).count == 5)
        #expect(targets.last == Point(x: 540, y: 960))
        #expect(targets.allSatisfy { Rect(x: 0, y: 0, width: 1080, height: 1920).contains($0) })
    }
}
