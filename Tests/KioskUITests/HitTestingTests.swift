import Graphics
@testable import KioskCore
import Testing
@testable import KioskUI

/// A tap's point to the Flow's Intent.
@Suite struct HitTestingTests {
    /// Should map the centre of every target of every screen to that target's intent
    @Test(arguments: ScreenSamples.all.map(\.name))
    func centreOfEachTargetMapsToItsIntent(sample: String) throws {
        let fonts = try FontSet.standard()
        let screen = ScreenSamples.all.first { $0.name == sample }!.screen
        for elderly in [false, true] {
            let layout = KioskScreenLayout.layout(ScreenSamples.view(screen, .english, elderly: elderly), width: 1080, height: 1920, fonts: fonts)
            for target in layout.targets {
                let centre = Point(x: target.rect.x + target.rect.width / 2, y: target.rect.y + target.rect.height / 2)
                #expect(layout.intent(at: centre) == target.intent, "\(sample) \(target)")
            }
        }
    }

    /// Should answer nil for a point outside every target (between the title and the keypad, and off screen)
    @Test func pointOutsideTargetsMapsToNil() throws {
        let fonts = try FontSet.standard()
        let layout = KioskScreenLayout.layout(ScreenSamples.view(.caseNumberEntry(caseNumber: "12"), .simplifiedChinese, elderly: false),
                                              width: 1080, height: 1920, fonts: fonts)
        #expect(layout.intent(at: Point(x: 2, y: 960)) == nil)
        #expect(layout.intent(at: Point(x: -5, y: -5)) == nil)
        #expect(layout.intent(at: Point(x: 540, y: 5000)) == nil)
    }

    /// Should offer the keypad's ten digits, delete and search on the case number screen
    @Test func caseNumberKeypadHasEveryKey() throws {
        let fonts = try FontSet.standard()
        let layout = KioskScreenLayout.layout(ScreenSamples.view(.caseNumberEntry(caseNumber: ""), .english, elderly: true),
                                              width: 1080, height: 1920, fonts: fonts)
        let intents = layout.targets.map(\.intent)
        for digit in 0...9 { #expect(intents.contains(.digit(digit))) }
        #expect(intents.contains(.deleteDigit))
        #expect(intents.contains(.submit))
        #expect(intents.contains(.help))
    }

    /// Should start from anywhere on the attract screen, except the four maintenance corners
    @Test func attractWakesEverywhereButTheCorners() throws {
        let fonts = try FontSet.standard()
        let layout = KioskScreenLayout.layout(ScreenSamples.view(.attract(isDimmed: true), .simplifiedChinese, elderly: false),
                                              width: 1080, height: 1920, fonts: fonts)
        #expect(layout.intent(at: Point(x: 540, y: 960)) == .wake)
        #expect(layout.intent(at: Point(x: 540, y: 1)) == .wake)
        #expect(layout.intent(at: Point(x: 1, y: 1)) == .corner(.topLeft))
        #expect(layout.intent(at: Point(x: 1078, y: 1)) == .corner(.topRight))
        #expect(layout.intent(at: Point(x: 1078, y: 1918)) == .corner(.bottomRight))
        #expect(layout.intent(at: Point(x: 1, y: 1918)) == .corner(.bottomLeft))
        #expect(layout.targets.contains { $0.intent == .elderlyMode(true) })
        // Every pixel answers something.
        for y in stride(from: 0, to: 1920, by: 37) {
            for x in stride(from: 0, to: 1080, by: 41) { #expect(layout.intent(at: Point(x: x, y: y)) != nil) }
        }
    }

    /// Should draw an unavailable service's tile without a ticket but still open its guide, and say why in words
    @Test func unavailableTileStillOpensTheGuide() throws {
        let fonts = try FontSet.standard()
        let layout = KioskScreenLayout.layout(ScreenSamples.view(.home(ScreenSamples.home(printer: .paperOut)), .simplifiedChinese, elderly: false),
                                              width: 1080, height: 1920, fonts: fonts)
        let tile = try #require(layout.targets.first { $0.intent == .service("housing-fund-rent") })
        let centre = Point(x: tile.rect.x + tile.rect.width / 2, y: tile.rect.y + tile.rect.height / 2)
        #expect(layout.intent(at: centre) == .service("housing-fund-rent"))
        let words = layout.texts.filter { tile.rect.contains($0.frame) }.flatMap(\.layout.lines).joined()
        #expect(words.contains("仅可看指南"))
        #expect(layout.texts.contains { $0.layout.lines.joined().contains("缺纸") })
    }

    /// Should disable "take a ticket" on a guide while the printer cannot print, and say why
    @Test func guideDisablesTicketWithReason() throws {
        let fonts = try FontSet.standard()
        let screen = ScreenSamples.all.first { $0.name == "guide-paper-out" }!.screen
        let layout = KioskScreenLayout.layout(ScreenSamples.view(screen, .english, elderly: false), width: 1080, height: 1920, fonts: fonts)
        #expect(!layout.targets.contains { $0.intent == .takeTicket })
        #expect(layout.texts.contains { $0.layout.lines.joined().contains("No tickets now") })
        #expect(layout.texts.contains { $0.layout.lines.joined().contains("paper out") })
    }
}
