import Testing
@testable import Graphics

/// Line breaking without fonts: wide characters (hanzi, full-width marks) advance 10, narrow
/// ones 5, so a 40-wide line holds four hanzi.
@Suite struct TextLineBreakerTests {
    static let closingMarks: [Character] = ["、", "，", "。", "：", "；", "！", "？", "」", "』", "）", "］", "｝", "】", "〕", "〗", "〉", "》", "”", "’", "·", "～", ",", ".", ";", ":", "!", "?", ")"]
    static let openingMarks: [Character] = ["“", "‘", "「", "『", "（", "［", "｛", "【", "〔", "〖", "〈", "《", "("]

    func advance(_ scalar: Unicode.Scalar) -> Int { LineBreakClass.isWide(scalar) ? 10 : 5 }

    func lines(_ text: String, width: Int?) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return LineBreaker(maxWidth: width).lines(scalars, advance: advance).map { String(String.UnicodeScalarView(scalars[$0.range])) }
    }

    /// A mark that may not start a line pulls the hanzi before it down to the next line
    @Test(arguments: closingMarks) func closingMarkNeverStartsALine(mark: Character) {
        // Four hanzi fill the line exactly, so the mark would be the first of the next line.
        let result = lines("一二三四\(mark)五六", width: 40)
        #expect(result == ["一二三", "四\(mark)五六"])
    }

    /// An opening bracket or quote that would end a line goes down with what it opens
    @Test(arguments: openingMarks) func openingMarkNeverEndsALine(mark: Character) {
        // "一二三" plus the mark fits the 40-wide line when the mark is wide, and a narrow one leaves room too.
        let result = lines("一二三\(mark)四五六", width: 40)
        #expect(result == ["一二三", "\(mark)四五六"])
    }

    /// A break is allowed between any two hanzi: a long run fills every line to the width
    @Test func hanziBreakAnywhere() {
        #expect(lines("一二三四五六七八九十", width: 40) == ["一二三四", "五六七八", "九十"])
    }

    /// —— (two U+2014) is never split and never starts a line: the hanzi before it comes down
    @Test func dashIsNeverSplitNorStartsALine() {
        // U+2014 is narrow here (5): "一二三四" fills the line and "——" may not start the next.
        #expect(lines("一二三四——五六", width: 40) == ["一二三", "四——五六"])
        // A cut between the two dashes would fit on the first line; it is not taken.
        #expect(lines("一二三四五六——七", width: 65) == ["一二三四五", "六——七"])
    }

    /// …… (two U+2026) is never split and never starts a line
    @Test func ellipsisIsNeverSplitNorStartsALine() {
        #expect(lines("一二三四……五六", width: 40) == ["一二三", "四……五六"])
        #expect(lines("一二三四五六……七", width: 65) == ["一二三四五", "六……七"])
    }

    /// A closing mark after a closing mark (。」) keeps both with the hanzi before them
    @Test func consecutiveClosingMarksStayTogether() {
        #expect(lines("一二三四。」五", width: 40) == ["一二三", "四。」五"])
    }

    /// Latin words, digit runs and codes inside Chinese text are never split
    @Test(arguments: ["ABC123", "12:30", "0871-12345", "2026", "kioskd"]) func latinAndDigitRunsStayWhole(run: String) {
        // The run starts near the end of the first line, where a character break would split it.
        let text = "请在三点\(run)以后再来"
        let result = lines(text, width: 60)
        #expect(result.contains { $0.contains(run) }, "\(result)")
        #expect(result.joined() == text)
    }

    /// A line may break after a space; spaces at the end or start of a line are not part of it
    @Test func spacesAreBreakOpportunitiesAndNotDrawnAtLineEnds() {
        // "Hello world" is 55 wide: it fits in 55, not in 50.
        #expect(lines("Hello world again", width: 55) == ["Hello world", "again"])
        #expect(lines("Hello world again", width: 50) == ["Hello", "world", "again"])
        #expect(lines("  请  稍候  ", width: 100) == ["请  稍候"])
    }

    /// A break after "word " is refused when the next character is a closing mark
    @Test func spaceBeforeClosingMarkIsNoBreak() {
        #expect(LineBreaker.breakOpportunities(in: Array("a ,b".unicodeScalars)) == [false, false, false, false])
    }

    /// \n, \r\n and U+2028 always end a line; a final \n leaves an empty last line
    @Test func mandatoryBreaks() {
        #expect(lines("一\n二\r\n三\u{2028}四", width: nil) == ["一", "二", "三", "四"])
        #expect(lines("一\n", width: nil) == ["一", ""])
        #expect(lines("", width: 40) == [])
    }

    /// A piece wider than the whole line (a long URL) is cut so that no line is wider than the box
    @Test func overlongWordIsCutToTheWidth() {
        let scalars = Array("网址https://example.org/very/long/path".unicodeScalars)
        let result = LineBreaker(maxWidth: 50).lines(scalars, advance: advance)
        #expect(result.allSatisfy { $0.width <= 50 })
        #expect(result.map { $0.range.count }.reduce(0, +) == scalars.count)
    }

    /// A combining mark stays with its base letter, even when a word is cut
    @Test func combiningMarkStaysWithItsBase() {
        // e + U+0301 is one letter 5 wide (the mark advances 0): a 5-wide line takes each pair whole.
        let scalars = Array("e\u{301}e\u{301}".unicodeScalars)
        let result = LineBreaker(maxWidth: 5).lines(scalars, advance: { $0.value == 0x301 ? 0 : 5 })
        #expect(result.map(\.range) == [0..<2, 2..<4])
    }

    /// Truncation for an ellipsis drops characters from the end until the ellipsis fits, and
    /// never leaves an opening mark before it
    @Test func truncationMakesRoomForTheEllipsis() {
        let scalars = Array("一二三「四".unicodeScalars)
        let advances = scalars.map(advance)
        let breaker = LineBreaker(maxWidth: 50)
        let line = breaker.lines(scalars, advances: advances)[0]
        #expect(line.range == 0..<5)
        // Room for four hanzi and a 10-wide ellipsis: "一二三「" would fit but ends with 「.
        #expect(breaker.truncate(line, scalars: scalars, advances: advances, ellipsisWidth: 10).range == 0..<3)
    }
}
