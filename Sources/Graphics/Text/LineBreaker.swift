/// Chinese line breaking (W3C clreq, GB/T 15834), with no fonts involved: the caller gives each
/// scalar's advance and gets lines back, so the rules are tested without FreeType.
///
/// The rules:
/// - a line may break between any two hanzi;
/// - never before a closing mark (、，。：；！？ closing quotes and brackets · ～ , . ; : ! ? ) ] })
///   and never after an opening one (“‘「『（［｛【〔〖〈《 ( [ {);
/// - —— and …… are never split and never start a line (the strict rule);
/// - narrow characters next to each other (Latin words, digit runs such as 12:30, 0871-12345,
///   ABC123) are kept whole;
/// - a line may break after spaces; spaces at either end of a line are not drawn;
/// - \n, \r\n, U+2028 and U+2029 always end a line.
///
/// A violation is fixed by pulling the previous character down to the next line: the
/// character before a closing mark and the mark form one unbreakable piece, so 文。 moves as one.
/// Marks are never squeezed onto a full line: that would need punctuation compression, and
/// every hanzi and full-width mark keeps its full em.
///
/// Only a piece wider than the whole line (a very long URL, a box narrower than a few glyphs)
/// is cut between any two characters, so that no line is wider than the box.
public struct LineBreaker: Sendable {
    /// The widest a line may be, in the advances' unit; nil means lines end only at mandatory breaks.
    public var maxWidth: Int?

    public init(maxWidth: Int?) {
        self.maxWidth = maxWidth
    }

    /// Breaks `scalars` into lines, measuring each scalar with `advance`.
    public func lines(_ scalars: [Unicode.Scalar], advance: (Unicode.Scalar) -> Int) -> [BrokenLine] {
        lines(scalars, advances: scalars.map(advance))
    }

    /// Breaks `scalars` into lines; `advances[i]` is the width of `scalars[i]`. An empty input
    /// gives no lines; text ending in a mandatory break gives an empty last line.
    public func lines(_ scalars: [Unicode.Scalar], advances: [Int]) -> [BrokenLine] {
        precondition(scalars.count == advances.count, "one advance per scalar")
        guard !scalars.isEmpty else { return [] }
        let classes = scalars.map(LineBreakClass.init)
        let measure = Measure(scalars: scalars, classes: classes, advances: advances)
        let allowed = Self.breakOpportunities(scalars, classes: classes)
        var result: [BrokenLine] = []
        var paragraphStart = 0
        var index = 0
        while index <= scalars.count {
            if index == scalars.count || classes[index] == .mandatoryBreak {
                appendLines(of: paragraphStart..<index, allowed: allowed, measure: measure, to: &result)
                if index == scalars.count { break }
                // \r\n is one break.
                if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                paragraphStart = index + 1
            }
            index += 1
        }
        return result
    }

    /// `result[i]` is true when a line may break just before `scalars[i]` (`result[0]` is false).
    /// Mandatory breaks are not included: `lines` handles them first.
    public static func breakOpportunities(in scalars: [Unicode.Scalar]) -> [Bool] {
        breakOpportunities(scalars, classes: scalars.map(LineBreakClass.init))
    }

    static func breakOpportunities(_ scalars: [Unicode.Scalar], classes: [LineBreakClass]) -> [Bool] {
        var allowed = Array(repeating: false, count: scalars.count)
        // The last character that is not a space, for the "no opening mark at a line end" rule.
        var lastNonSpace: LineBreakClass? = nil
        for index in scalars.indices.dropFirst() {
            let before = classes[index - 1], after = classes[index]
            if before != .space { lastNonSpace = before }
            if before == .mandatoryBreak { lastNonSpace = nil }
            allowed[index] = Self.mayBreak(
                before: before, after: after, lastNonSpace: lastNonSpace,
                bothNarrow: !LineBreakClass.isWide(scalars[index - 1]) && !LineBreakClass.isWide(scalars[index])
            )
        }
        return allowed
    }

    private static func mayBreak(before: LineBreakClass, after: LineBreakClass, lastNonSpace: LineBreakClass?, bothNarrow: Bool) -> Bool {
        switch after {
        case .attached, .wordJoiner, .closing, .inseparable, .mandatoryBreak:
            return false
        case .space:
            // The break goes after the spaces, so that they hang at the end of the line.
            return false
        case .opening, .zeroWidthSpace, .other:
            break
        }
        if before == .wordJoiner || before == .mandatoryBreak || lastNonSpace == .opening { return false }
        if before == .space || before == .zeroWidthSpace { return true }
        // A Latin word or a digit run: 12:30, 0871-12345, ABC123, "Hello," stay whole.
        return !bothNarrow
    }

    /// Greedy filling of one paragraph (the text between mandatory breaks).
    private func appendLines(of paragraph: Range<Int>, allowed: [Bool], measure: Measure, to result: inout [BrokenLine]) {
        var lineStart = paragraph.lowerBound
        var lineEnd = lineStart
        var pieceStart = lineStart
        while pieceStart < paragraph.upperBound {
            var pieceEnd = pieceStart + 1
            while pieceEnd < paragraph.upperBound && !allowed[pieceEnd] { pieceEnd += 1 }
            if measure.fits(lineStart..<pieceEnd, in: maxWidth) {
                lineEnd = pieceEnd
                pieceStart = pieceEnd
            } else if measure.hasInk(lineStart..<lineEnd) {
                // The piece goes to the next line whole.
                result.append(measure.line(lineStart..<lineEnd))
                lineStart = lineEnd
            } else {
                // The piece alone is wider than the line: cut it at the last character that fits.
                lineEnd = measure.lastFittingEnd(from: lineStart, before: pieceEnd, in: maxWidth ?? 0)
                result.append(measure.line(lineStart..<lineEnd))
                lineStart = lineEnd
                pieceStart = lineEnd
            }
        }
        // The rest; an empty paragraph is one empty line, but a cut that ended exactly at the
        // paragraph's end leaves nothing over.
        if lineStart < paragraph.upperBound || lineStart == paragraph.lowerBound {
            result.append(measure.line(lineStart..<paragraph.upperBound))
        }
    }

    /// Cuts `line` so that an ellipsis `ellipsisWidth` wide fits after it within `maxWidth`
    /// (any width when nil). Never leaves an opening mark or spaces before the ellipsis, never
    /// separates a combining mark from its base, and never splits —— or ……
    /// - Returns: the line to draw before the ellipsis (possibly empty).
    public func truncate(_ line: BrokenLine, scalars: [Unicode.Scalar], advances: [Int], ellipsisWidth: Int) -> BrokenLine {
        let classes = scalars.map(LineBreakClass.init)
        let measure = Measure(scalars: scalars, classes: classes, advances: advances)
        var end = line.range.upperBound
        while end > line.range.lowerBound {
            let candidate = measure.line(line.range.lowerBound..<end)
            let cleanCut = end == scalars.count || !(classes[end] == .attached || (classes[end] == .inseparable && classes[end - 1] == .inseparable))
            let endsWell = classes[candidate.range.upperBound - 1] != .opening || candidate.range.isEmpty
            if cleanCut && endsWell && (maxWidth.map { candidate.width + ellipsisWidth <= $0 } ?? true) {
                return candidate
            }
            end -= 1
        }
        return BrokenLine(range: line.range.lowerBound..<line.range.lowerBound, width: 0)
    }
}

/// Widths of ranges of scalars, with the spaces at either end left out.
private struct Measure {
    let classes: [LineBreakClass]
    /// prefix[i] = sum of advances[0..<i]
    let prefix: [Int]

    init(scalars: [Unicode.Scalar], classes: [LineBreakClass], advances: [Int]) {
        self.classes = classes
        var prefix = [0]
        prefix.reserveCapacity(advances.count + 1)
        for advance in advances { prefix.append(prefix.last! + advance) }
        self.prefix = prefix
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && classes[lower] == .space { lower += 1 }
        while upper > lower && classes[upper - 1] == .space { upper -= 1 }
        return lower..<upper
    }

    func line(_ range: Range<Int>) -> BrokenLine {
        let drawn = trimmed(range)
        return BrokenLine(range: drawn, width: prefix[drawn.upperBound] - prefix[drawn.lowerBound])
    }

    func fits(_ range: Range<Int>, in maxWidth: Int?) -> Bool {
        guard let maxWidth else { return true }
        return line(range).width <= maxWidth
    }

    func hasInk(_ range: Range<Int>) -> Bool {
        !trimmed(range).isEmpty
    }

    /// The end of the longest line starting at `start` that fits, at least one character (with
    /// its combining marks) so that the breaking always moves on.
    func lastFittingEnd(from start: Int, before limit: Int, in maxWidth: Int) -> Int {
        var end = start + 1
        while end < limit && classes[end] == .attached { end += 1 }
        var best = end
        while end < limit {
            end += 1
            while end < limit && classes[end] == .attached { end += 1 }
            guard line(start..<end).width <= maxWidth else { break }
            best = end
        }
        return best
    }
}
