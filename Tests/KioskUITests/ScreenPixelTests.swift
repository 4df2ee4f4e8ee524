import Graphics
@testable import KioskCore
import Testing
@testable import KioskUI

/// Rendered pixels of each screen family: what was laid out is what shows.
@Suite struct ScreenPixelTests {
    func render(_ screen: Screen, elderly: Bool = false, name: String) throws -> (ScreenLayout, PixelBuffer) {
        let fonts = try FontSet.standard()
        let layout = KioskScreenLayout.layout(ScreenSamples.view(screen, .simplifiedChinese, elderly: elderly), width: 1080, height: 1920, fonts: fonts)
        let frame = try ScreenArtifacts.render(layout.drawList, width: 1080, height: 1920, name: "pixels-\(name)")
        return (layout, frame)
    }

    func centre(_ rect: Rect) -> Point { Point(x: rect.x + rect.width / 2, y: rect.y + rect.height / 2) }

    /// Should fill buttons in their own colour, not the background (a tile and a footer button)
    @Test func buttonsAreFilled() throws {
        let (layout, frame) = try render(.home(ScreenSamples.home(printer: .ready)), name: "home")
        for intent in [Intent.help, .service("housing-fund-rent")] {
            let target = try #require(layout.targets.first { $0.intent == intent })
            // Just inside the left edge at mid-height: fill, not label ink.
            let color = frame.color(x: target.rect.x + 3 + layout.metrics.gap, y: target.rect.y + target.rect.height / 2)
            #expect(color != Theme.background)
            #expect(color == (intent == .help ? Theme.primaryButton : Theme.secondaryButton))
        }
        #expect(frame.color(x: 2, y: 960) == Theme.background)
    }

    /// Should draw the dimmed attract screen darker than the lit one, its text still on it
    @Test func attractDims() throws {
        let (_, lit) = try render(.attract(isDimmed: false), name: "attract")
        let (dimLayout, dim) = try render(.attract(isDimmed: true), name: "attract-dim")
        #expect(lit.color(x: 540, y: 20) == Theme.background)
        #expect(dim.color(x: 540, y: 20) == Theme.dimmedBackground)
        #expect(ContrastRatio.luminance(Theme.dimmedBackground) < ContrastRatio.luminance(Theme.background))
        #expect(dimLayout.texts.allSatisfy { $0.color == Theme.dimmedText || $0.backdrop != Theme.dimmedBackground })
    }

    /// Should show the ticket number dark on a white panel, with ink in it
    @Test func ticketNumberPanel() throws {
        let (layout, frame) = try render(.ticketIssued(ScreenSamples.ticket), name: "ticket")
        let number = try #require(layout.texts.first { $0.layout.lines == ["B012"] })
        #expect(number.backdrop == Theme.fieldFill)
        #expect(frame.color(x: number.box.x + 1, y: number.box.y + 1) == Theme.fieldFill)
        let ink = number.layout.inkBounds.offsetBy(dx: number.origin.x, dy: number.origin.y)
        var dark = 0
        for y in ink.minY..<ink.maxY { for x in ink.minX..<ink.maxX where frame.color(x: x, y: y) == Theme.fieldText { dark += 1 } }
        #expect(dark > ink.area / 10)
    }

    /// Should paint notices dark on light amber under their text
    @Test func noticePanelIsAmber() throws {
        let (layout, frame) = try render(.notice(Notice(.cardUnreadable, .cardUnreadableNextStep)), elderly: true, name: "notice")
        let panelText = try #require(layout.texts.first { $0.backdrop == Theme.noticeFill })
        #expect(frame.color(x: panelText.box.x - 4, y: panelText.box.y + 2) == Theme.noticeFill)
    }

    /// Should show the chosen complaint topic with a check mark in words, not only in colour
    @Test func chosenTopicHasACheckMark() throws {
        let (layout, frame) = try render(.complaint(ComplaintScreen(topic: .waitingTime, phoneDigits: "", problem: nil)), name: "complaint")
        let chosen = try #require(layout.targets.first { $0.intent == .complaintTopic(.waitingTime) })
        #expect(layout.texts.contains { chosen.rect.contains($0.frame) && $0.layout.lines.joined().hasPrefix("✓") })
        #expect(frame.color(x: chosen.rect.x + 4 + layout.metrics.gap, y: centre(chosen.rect).y) == Theme.primaryButton)
    }
}
