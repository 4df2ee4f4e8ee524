/// How a character behaves at a line break, after W3C clreq ("Requirements for Chinese Text
/// Layout", line breaking and punctuation) and GB/T 15834 (the national punctuation standard).
enum LineBreakClass: Equatable, Sendable {
    /// Never at the end of a line: “‘「『（［｛【〔〖〈《 and ASCII ( [ {.
    case opening
    /// Never at the start of a line: 、，。：；！？, closing quotes and brackets, ·, ～, and ASCII
    /// , . ; : ! ? ) ] }.
    case closing
    /// —— and ……: never split, and (the strict rule) never at the start of a line.
    case inseparable
    /// A break may follow it; never drawn at the start or end of a line.
    case space
    /// Combining marks, joiners, variation selectors: they stay with the character before them.
    case attached
    /// U+200B: an invisible break opportunity.
    case zeroWidthSpace
    /// U+2060 and U+FEFF: no break on either side.
    case wordJoiner
    /// A new line no matter what: \n, \r, U+0085, U+2028, U+2029.
    case mandatoryBreak
    /// Everything else: hanzi (a break on either side) and Latin letters and digits (kept whole
    /// when next to each other, see `LineBreaker`).
    case other

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            self = .mandatoryBreak
        case 0x20, 0x09, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x205F:
            // U+2007 (figure space) and U+00A0 (no-break space) are left out on purpose: they glue.
            self = .space
        case 0x200B:
            self = .zeroWidthSpace
        case 0x2060, 0xFEFF:
            self = .wordJoiner
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF:
            self = .attached
        case 0x2014, 0x2026, 0x2E3A, 0x2E3B:
            self = .inseparable
        default:
            if Self.openingMarks.contains(scalar.value) {
                self = .opening
            } else if Self.closingMarks.contains(scalar.value) {
                self = .closing
            } else {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark: self = .attached
                default: self = .other
                }
            }
        }
    }

    /// “ ‘ 「 『 （ ［ ｛ 【 〔 〖 〈 《 〘 ｟ and ASCII ( [ {.
    static let openingMarks: Set<UInt32> = [
        0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0xFF3B, 0xFF5B, 0x3010, 0x3014, 0x3016, 0x3008, 0x300A,
        0x3018, 0xFF5F, 0x28, 0x5B, 0x7B,
    ]

    /// 、 ， 。 ： ； ！ ？ ． and their ASCII forms; ” ’ 」 』 ） ］ ｝ 】 〕 〗 〉 》 〙 ｠; · (U+00B7, U+30FB,
    /// U+2027); ～ (U+FF5E, U+301C); ％ and ‰ are left alone (GB/T 15834 does not list them).
    static let closingMarks: Set<UInt32> = [
        0x3001, 0xFF0C, 0x3002, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF0E, 0xFE50, 0xFE51, 0xFE52,
        0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0xFF3D, 0xFF5D, 0x3011, 0x3015, 0x3017, 0x3009, 0x300B,
        0x3019, 0xFF60, 0x00B7, 0x30FB, 0x2027, 0xFF5E, 0x301C,
        0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D,
    ]

    /// East Asian wide: hanzi, kana, Hangul, full-width forms and CJK punctuation. Two narrow
    /// characters next to each other are part of one Latin word or digit run.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE10...0xFE19).contains(value)
            || (0xFE30...0xFE6F).contains(value) || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x20000...0x3FFFD).contains(value)
    }
}
