import Testing
@testable import Graphics

@Suite struct TextFontFallbackTests {
    static let referenceSceneTexts = [
        "24小时政务服务自助终端",
        "社保查询 医保缴费 公积金 不动产登记 户籍业务 出入境 税务发票 营业执照 证明打印 预约取号 好差评 呼叫帮助",
        "政务服务自助终端为群众提供二十四小时不打烊服务。请将身份证放置于读卡区，按照语音提示完成操作。如需帮助，请按呼叫按钮联系工作人员，我们将尽快为您服务。办理社保、医保、公积金、不动产登记等业务，请选择相应栏目。",
    ]
    static let kioskTexts = [
        "请将身份证放置于读卡区",
        "请触摸屏幕开始",
        "一次性告知单已打印，请取走凭条。",
        "《居民身份证》有效期：2020.01.01—长期",
        "您的排队号码是A023，前面还有12人……",
        "咨询电话：0871-12345（工作日 9:00–17:00）",
        "Please place your ID card on the reader, then follow the voice prompts.",
    ]

    /// The standard chain opens on this machine, with Noto Sans CJK SC first
    @Test func standardChainStartsWithTheSimplifiedChineseFace() throws {
        let fonts = try FontSet.standard()
        #expect(fonts.sources.first == .notoSansCJKSimplifiedChinese)
        #expect(fonts.skipped.isEmpty, "\(fonts.skipped)")
    }

    /// The reference scene's strings, typical kiosk strings and English need no fallback box
    @Test(arguments: referenceSceneTexts + kioskTexts) func sampleTextHasNoMissingGlyphs(text: String) throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout(text, width: 1000, style: TextStyle(pixelSize: 32))
        #expect(layout.missingGlyphCount == 0)
        #expect(!layout.glyphs.isEmpty)
    }

    /// A code point no font has (U+0378 is unassigned; U+10FFFD is in plane 16's private use area,
    /// which none of the faces fills) is counted and drawn as a box, not dropped
    @Test func unassignedCodePointIsCountedAndDrawnAsABox() throws {
        let fonts = try FontSet.standard()
        #expect(fonts.source(for: "\u{378}") == nil)
        #expect(fonts.source(for: "\u{10FFFD}") == nil)
        let layout = fonts.layout("号\u{378}码\u{10FFFD}", style: TextStyle(pixelSize: 32))
        #expect(layout.missingGlyphCount == 2)
        #expect(layout.glyphs.count == 4)
        #expect(layout.glyphs[1].mask.hasInk && layout.glyphs[3].mask.hasInk)
        // The box keeps its place: the text after it starts further right.
        #expect(layout.glyphs[2].origin.x > layout.glyphs[1].bounds.maxX)
    }

    /// 王䶮: the Extension A character (U+4DAE) is drawn with a real glyph
    @Test func rareNameCharacterIsDrawn() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("王䶮", style: TextStyle(pixelSize: 48))
        #expect(layout.missingGlyphCount == 0)
        #expect(layout.glyphs.count == 2)
        #expect(layout.glyphs[1].mask.hasInk)
        #expect(layout.size.width == 96)
    }

    /// Extension B to F characters that Noto Sans CJK SC lacks (𠀀 U+20000, 𪜀 U+2A700,
    /// 𫝀 U+2B740, 𫠠 U+2B820, 𬺰 U+2CEB0) come from HanaMin
    @Test(arguments: ["\u{20000}", "\u{2A700}", "\u{2B740}", "\u{2B820}", "\u{2CEB0}"] as [Unicode.Scalar])
    func rareExtensionsFallBackToHanaMin(character: Unicode.Scalar) throws {
        let fonts = try FontSet.standard()
        #expect(FontSet(chainOf: .notoSansCJKSimplifiedChinese).source(for: character) == nil)
        #expect(fonts.source(for: character) == .hanaMinA || fonts.source(for: character) == .hanaMinB)
        let layout = fonts.layout(String(character), style: TextStyle(pixelSize: 48))
        #expect(layout.missingGlyphCount == 0)
        #expect(layout.glyphs.first?.mask.hasInk == true)
        #expect(layout.size.width == 48)
    }

    /// 骨 has different shapes in the Japanese face (0) and the Simplified Chinese face (2) of
    /// Noto Sans CJK; the layout draws face 2's
    @Test(arguments: ["骨", "直", "写"]) func layoutUsesSimplifiedChineseShapes(character: Unicode.Scalar) throws {
        let path = FontSource.notoSansCJKSimplifiedChinese.path
        let japanese = try FontSet(chain: [FontSource(path: path, faceIndex: 0, name: "Noto Sans CJK JP")])
        let chinese = try FontSet(chain: [FontSource(path: path, faceIndex: 2, name: "Noto Sans CJK SC")])
        let japaneseMask = japanese.glyph(for: character, pixelSize: 48).glyph.mask
        let chineseMask = chinese.glyph(for: character, pixelSize: 48).glyph.mask
        #expect(japaneseMask != chineseMask)
        let layout = try FontSet.standard().layout(String(character), style: TextStyle(pixelSize: 48))
        #expect(layout.glyphs.first?.mask == chineseMask)
    }

    /// A chain with files that do not exist skips and reports them, and works with the rest
    @Test func missingFontFilesAreSkippedAndReported() throws {
        let absent = FontSource(path: "/nonexistent/NoSuchFont.ttf", name: "Absent")
        let fonts = try FontSet(chain: [absent, .notoSansCJKSimplifiedChinese])
        #expect(fonts.skipped.map(\.source) == [absent])
        #expect(fonts.sources == [.notoSansCJKSimplifiedChinese])
        #expect(fonts.layout("请触摸屏幕", style: TextStyle(pixelSize: 32)).missingGlyphCount == 0)
    }

    /// A chain where nothing opens throws, naming the package to install
    @Test func chainWithNoFontThrows() {
        #expect(throws: FontSetError.self) {
            try FontSet(chain: [FontSource(path: "/nonexistent/a.ttf", name: "A")])
        }
        let error = FontSetError(skipped: [SkippedFont(source: FontSource(path: "/x.ttf", name: "X"), reason: "no such file")])
        #expect(error.description.contains("fonts-noto-cjk"))
    }
}

extension FontSet {
    /// A chain of one face, for comparing faces.
    convenience init(chainOf source: FontSource) {
        try! self.init(chain: [source])
    }
}
