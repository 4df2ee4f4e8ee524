import Graphics
@testable import KioskCore
import Testing
@testable import KioskUI

/// Every Flow screen, in both languages and both modes, drawn with the real fonts and checked.
@Suite struct KioskScreenLayoutTests {
    static let width = 1080, height = 1920
    static let screen = Rect(x: 0, y: 0, width: width, height: height)

    /// Should draw every text of every screen whole: no missing glyph, nothing cut, inside its box
    /// and the screen, at >= 4.5:1 on the colour under it; and keep a PNG of each
    @Test(arguments: ScreenSamples.all.map(\.name))
    func textsAreWholeAndReadable(sample: String) throws {
        let fonts = try FontSet.standard()
        let screen = ScreenSamples.all.first { $0.name == sample }!.screen
        for language in Language.allCases {
            for elderly in [false, true] {
                let name = "\(sample)-\(language.rawValue)-\(elderly ? "elderly" : "normal")"
                let layout = KioskScreenLayout.layout(ScreenSamples.view(screen, language, elderly: elderly),
                                                      width: Self.width, height: Self.height, fonts: fonts)
                try ScreenArtifacts.render(layout.drawList, width: Self.width, height: Self.height, name: name)
                #expect(!layout.texts.isEmpty, "\(name)")
                for text in layout.texts {
                    let lines = "\(name): \(text.layout.lines)"
                    let missing = text.layout.missingGlyphCount, truncated = text.layout.isTruncated
                    #expect(missing == 0, "\(lines)")
                    #expect(!truncated, "\(lines)")
                    #expect(text.box.contains(text.frame), "\(lines) \(text.frame) not in \(text.box)")
                    #expect(Self.screen.contains(text.frame), "\(lines)")
                    #expect(ContrastRatio.between(text.color, text.backdrop) >= 4.5, "\(lines)")
                }
            }
        }
    }

    /// Should keep elderly mode's service tiles at body size with the whole sample catalog: the
    /// Flow pages the services instead of shrinking them, and every page can be reached
    @Test func elderlyHomePagesKeepBodyText() throws {
        let fonts = try FontSet.standard()
        var flow = Flow(configuration: FlowConfiguration(maintenancePIN: MaintenancePIN(pin: "246810", salt: "s")), catalog: .sample, now: FlowTime(2026, 11, 30, 22, 15))
        _ = flow.start(at: FlowTime(2026, 11, 30, 22, 15))
        _ = flow.handle(.tapped(.elderlyMode(true)), at: FlowTime(2026, 11, 30, 22, 15, 1))
        var seen: [String] = []
        for step in 0..<5 {
            let layout = KioskScreenLayout.layout(flow.view, width: Self.width, height: Self.height, fonts: fonts)
            guard case .home(let home) = flow.view.screen else { Issue.record("not the home screen: \(flow.view.screen.name)"); return }
            let names = Set(home.tiles.map(\.name))
            let tileTexts = layout.texts.filter { names.contains($0.layout.lines.joined()) }
            #expect(tileTexts.count == home.tiles.count, "page \(home.page): every tile's name, whole")
            let bodyLine = TextStyle(pixelSize: layout.metrics.body, lineSpacing: layout.metrics.lineSpacing).lineHeight
            let lineHeights = tileTexts.map { $0.layout.size.height / max(1, $0.layout.lines.count) }
            #expect(lineHeights.allSatisfy { $0 >= bodyLine }, "page \(home.page): line heights \(lineHeights), body text's is \(bodyLine)")
            seen += home.tiles.map(\.serviceID)
            guard layout.targets.contains(where: { $0.intent == .nextPage }) else { break }
            #expect(step < 4)
            _ = flow.handle(.tapped(.nextPage), at: FlowTime(2026, 11, 30, 22, 15, 2 + step))
        }
        #expect(seen == ServiceCatalog.sample.services.map(\.id), "each service on exactly one page, in catalog order")
    }

    /// Should make every target at least MIIT's minimum for the mode (60 pt elderly, 44 pt
    /// otherwise, as millimetres on the panel), inside the screen, and never overlapping another
    @Test(arguments: ScreenSamples.all.map(\.name))
    func targetsAreLargeAndApart(sample: String) throws {
        let fonts = try FontSet.standard()
        let screen = ScreenSamples.all.first { $0.name == sample }!.screen
        for language in Language.allCases {
            for elderly in [false, true] {
                let layout = KioskScreenLayout.layout(ScreenSamples.view(screen, language, elderly: elderly),
                                                      width: Self.width, height: Self.height, fonts: fonts)
                let minimumMM = (elderly ? 60 : 44) * PanelSize.millimetresPerPoint
                for target in layout.targets {
                    let scale = layout.metrics.scale
                    #expect(scale.millimetres(pixels: min(target.rect.width, target.rect.height)) >= minimumMM - 0.2,
                            "\(sample) \(target)")
                    #expect(Self.screen.contains(target.rect), "\(sample) \(target)")
                }
                for (index, target) in layout.targets.enumerated() {
                    for other in layout.targets[(index + 1)...] {
                        #expect(!target.rect.intersects(other.rect), "\(sample): \(target) overlaps \(other)")
                    }
                }
            }
        }
    }

    /// Should size text physically: body text in elderly mode larger than in normal mode, main
    /// text >= 18 pt, the largest text >= 30 pt, line spacing >= 1.3
    @Test func sizesArePhysical() {
        let scale = ScreenScale(width: Self.width, height: Self.height, panel: .portrait21_5)
        let normal = UIMetrics(scale: scale, elderly: false), elderly = UIMetrics(scale: scale, elderly: true)
        #expect(elderly.body > normal.body)
        #expect(elderly.buttonHeight > normal.buttonHeight)
        #expect(scale.points(pixels: normal.minimumText) >= 18)
        #expect(scale.points(pixels: normal.hero) >= 30)
        #expect(normal.lineSpacing >= 1.3 && elderly.lineSpacing >= 1.3)
        #expect((36...44).contains(normal.body))
        #expect(normal.buttonHeight >= 120)
    }

    /// Should put the countdown banner with one big "continue" over the screen, leaving nothing
    /// tappable under it
    @Test func countdownBannerOffersContinue() throws {
        let fonts = try FontSet.standard()
        for elderly in [false, true] {
            let view = ScreenSamples.view(.home(ScreenSamples.home(printer: .ready)), .simplifiedChinese, elderly: elderly, countdown: 18)
            let layout = KioskScreenLayout.layout(view, width: Self.width, height: Self.height, fonts: fonts)
            let frame = try ScreenArtifacts.render(layout.drawList, width: Self.width, height: Self.height,
                                                   name: "countdown-\(elderly ? "elderly" : "normal")")
            let continueTargets = layout.targets.filter { $0.intent == .continueSession }
            #expect(continueTargets.count == 1)
            let target = try #require(continueTargets.first)
            #expect(target.rect.height >= layout.metrics.buttonHeight)
            #expect(layout.texts.contains { $0.layout.lines.joined().contains("18") })
            // The banner is amber above the continue button.
            #expect(frame.color(x: 2, y: target.rect.minY - 4) == Theme.bannerFill)
            for other in layout.targets where other != target {
                #expect(!other.rect.intersects(target.rect))
            }
        }
    }

    /// Should show the hotline on help screens (the complaint form and the notice) and when out of service
    @Test(arguments: ["complaint", "notice", "out-of-service", "progress-offline"])
    func showsTheHotline(sample: String) throws {
        let fonts = try FontSet.standard()
        let screen = ScreenSamples.all.first { $0.name == sample }!.screen
        let layout = KioskScreenLayout.layout(ScreenSamples.view(screen, .simplifiedChinese, elderly: true),
                                              width: Self.width, height: Self.height, fonts: fonts)
        #expect(layout.texts.contains { $0.layout.lines.joined().contains(ScreenSamples.hotline) })
    }
}
