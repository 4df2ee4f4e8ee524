import Testing
@testable import Graphics

@Suite struct TextLayoutBoxTests {
    static let paragraph = "政务服务自助终端为群众提供二十四小时不打烊服务。请将身份证放置于读卡区，按照语音提示完成操作。如需帮助，请按呼叫按钮联系工作人员，我们将尽快为您服务。办理社保、医保、公积金、不动产登记等业务，请选择相应栏目。"

    /// N hanzi at S pixels are exactly N×S wide, at every size the UI uses
    @Test(arguments: [18, 24, 32, 36, 48, 72]) func hanziAdvanceOneEm(size: Int) throws {
        let fonts = try FontSet.standard()
        let text = "请将身份证放置于读卡区"
        let layout = fonts.layout(text, style: TextStyle(pixelSize: size))
        #expect(layout.size.width == text.count * size)
        #expect(layout.size.height == TextStyle(pixelSize: size).lineHeight)
        #expect(layout.lines == [text])
    }

    /// Full-width marks (，。：；！？、「」（）《》) advance one em too
    @Test func fullWidthMarksAdvanceOneEm() throws {
        let fonts = try FontSet.standard()
        let text = "，。：；！？、「」（）《》“”"
        #expect(fonts.layout(text, style: TextStyle(pixelSize: 40)).size.width == text.count * 40)
    }

    /// Line height is round(1.3 × size) by default; hanzi are centred vertically in the line
    @Test func lineHeightAndVerticalCentring() throws {
        let fonts = try FontSet.standard()
        let style = TextStyle(pixelSize: 48)
        #expect(style.lineHeight == 62)
        let layout = fonts.layout("国", style: style)
        let ink = layout.inkBounds
        let above = ink.minY, below = layout.size.height - ink.maxY
        #expect(abs(above - below) <= 3, "ink \(ink) in a line \(layout.size.height) high")
    }

    /// Leading, centre and trailing alignment place a 3-hanzi line at 0, (W-w)/2 and W-w
    @Test(arguments: [(TextAlignment.leading, 0), (.center, 60), (.trailing, 120)]) func alignmentOffsets(alignment: TextAlignment, offset: Int) throws {
        let fonts = try FontSet.standard()
        let reference = fonts.layout("请稍候", style: TextStyle(pixelSize: 40))
        let layout = fonts.layout("请稍候", width: 240, style: TextStyle(pixelSize: 40, alignment: alignment))
        #expect(layout.size.width == 240)
        #expect(layout.inkBounds == reference.inkBounds.offsetBy(dx: offset, dy: 0))
    }

    /// Each line is aligned on its own: a short last line is centred under a full one
    @Test func alignmentIsPerLine() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("一二三四五六", width: 160, style: TextStyle(pixelSize: 40, alignment: .center))
        #expect(layout.lines == ["一二三四", "五六"])
        // 五六 is 80 wide in a 160 box: its pen starts at 40. Glyph origins include each glyph's bearing.
        let alone = fonts.layout("五六", style: TextStyle(pixelSize: 40))
        let secondLine = layout.glyphs.suffix(2)
        #expect(secondLine.map(\.origin.x) == alone.glyphs.map { $0.origin.x + 40 })
        let firstLine = fonts.layout("一二三四", style: TextStyle(pixelSize: 40))
        #expect(layout.glyphs.prefix(4).map(\.origin.x) == firstLine.glyphs.map(\.origin.x))
    }

    /// The reference paragraph at 32 px in 90% of 1080 pixels: every line within the width,
    /// full lines of 30 hanzi, the text unchanged apart from the breaks
    @Test func longParagraphLineCount() throws {
        let fonts = try FontSet.standard()
        let width = 1080 * 90 / 100
        let layout = fonts.layout(Self.paragraph, width: width, style: TextStyle(pixelSize: 32))
        // 972 / 32 = 30.4: 30 characters a line; 110 characters with a few pulled-down marks.
        #expect(layout.lines.count == 4, "\(layout.lines)")
        #expect(layout.lines.joined() == Self.paragraph)
        #expect(layout.size.height == 4 * 42)
        #expect(layout.inkBounds.maxX <= width)
        let closing: Set<Character> = ["，", "。", "、"]
        #expect(layout.lines.allSatisfy { !closing.contains($0.first!) })
    }

    /// Every line's width stays within the box, at many widths, and no line starts with a closing mark
    @Test(arguments: [100, 173, 250, 333, 480, 700]) func everyLineFitsTheBox(width: Int) throws {
        let fonts = try FontSet.standard()
        let style = TextStyle(pixelSize: 32)
        let layout = fonts.layout(Self.paragraph, width: width, style: style)
        for line in layout.lines {
            #expect(fonts.layout(line, style: style).size.width <= width, "\(line)")
            #expect(!"，。、：；！？）》」".contains(line.first!), "\(line)")
        }
        #expect(layout.inkBounds.maxX <= width)
    }

    /// Text needing more lines than allowed is cut, its last line ending in "…" within the width
    @Test func ellipsisWhenMaxLinesExceeded() throws {
        let fonts = try FontSet.standard()
        let style = TextStyle(pixelSize: 32, maxLines: 2)
        let layout = fonts.layout(Self.paragraph, width: 320, style: style)
        #expect(layout.isTruncated)
        #expect(layout.lines.count == 2)
        #expect(layout.lines[1].hasSuffix("…"))
        #expect(layout.lines[0] == "政务服务自助终端为群")
        #expect(fonts.layout(layout.lines[1], style: TextStyle(pixelSize: 32)).size.width <= 320)
        #expect(layout.size.height == 2 * style.lineHeight)
        #expect(layout.inkBounds.maxX <= 320)
    }

    /// Text that fits in the lines allowed is not truncated
    @Test func noEllipsisWhenTextFits() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("请触摸屏幕开始", width: 900, style: TextStyle(pixelSize: 48, alignment: .center, maxLines: 1))
        #expect(!layout.isTruncated)
        #expect(layout.lines == ["请触摸屏幕开始"])
    }

    /// One line with no width and a hard break: two lines, as wide as the longer
    @Test func noWidthMeansOneLinePerParagraph() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("第一行很长的文字\n短", style: TextStyle(pixelSize: 20))
        #expect(layout.lines == ["第一行很长的文字", "短"])
        #expect(layout.size.width == 160)
    }

    /// Latin and Chinese mixed on one line share a baseline: the flat bottoms of H, E and L sit
    /// on it, and the hanzi reach just below it
    @Test func mixedScriptsShareTheBaseline() throws {
        let fonts = try FontSet.standard()
        let style = TextStyle(pixelSize: 48)
        let mixed = fonts.layout("号码HEL", style: style)
        let latin = mixed.glyphs.suffix(3)
        let bottoms = Set(latin.map(\.bounds.maxY))
        #expect(bottoms.count == 1)
        // Hanzi go slightly below the baseline (the em box reaches 0.12 em under it).
        let hanziBottom = mixed.glyphs[0].bounds.maxY
        #expect(hanziBottom >= bottoms.first! && hanziBottom <= bottoms.first! + 6)
    }

    /// Drawing a layout puts ink inside its ink bounds and nowhere else
    @Test func drawingStaysInsideInkBounds() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("请触摸屏幕开始", width: 400, style: TextStyle(pixelSize: 48, alignment: .center))
        let buffer = PixelBuffer(width: 500, height: 200, color: .black)
        let origin = Point(x: 50, y: 60)
        Canvas(buffer).draw(layout, at: origin, color: .white)
        let ink = layout.inkBounds.offsetBy(dx: origin.x, dy: origin.y)
        var inked = 0
        for y in 0..<200 {
            for x in 0..<500 where buffer[x, y] != Color.black.xrgb8888 {
                inked += 1
                #expect(ink.contains(Point(x: x, y: y)))
            }
        }
        #expect(inked > 1000)
    }

    /// With no width, lines beyond maxLines (hard breaks) are cut and the last kept one gets "…"
    @Test func ellipsisWithoutWidth() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("第一行\n第二行\n第三行", style: TextStyle(pixelSize: 20, maxLines: 2))
        #expect(layout.lines == ["第一行", "第二行…"])
        #expect(layout.isTruncated)
        #expect(layout.size.width == 4 * 20)
    }

    /// A single line cut to one line: "…" replaces as many characters as it needs, with the
    /// ellipsis a full em in the SC face
    @Test func singleLineTruncation() throws {
        let fonts = try FontSet.standard()
        let layout = fonts.layout("请将身份证放置于读卡区", width: 200, style: TextStyle(pixelSize: 40, maxLines: 1))
        #expect(layout.lines == ["请将身份…"])
        #expect(layout.inkBounds.maxX <= 200)
    }
}
