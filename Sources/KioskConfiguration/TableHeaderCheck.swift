/// A table header that toml++ (TOMLKit's parser) cannot be given: after `[` or `[[` and any
/// spaces it must see a key (an ASCII bare-key character or a quote) or the closing `]`.
/// Anything else there (`[=`, `[.a]`, `[[[`, a lone `[`, `[` and a non-ASCII character) trips an
/// assertion inside toml++ and aborts the process instead of reporting a syntax error, as the
/// configuration fuzz target found; so the loader refuses such a line itself, first, with its
/// number. It reads bytes, not characters: `[` followed by a combining mark is one Character.
///
/// A header stands where a statement starts: a line whose first non-blank byte is `[`, outside
/// a multi-line string and not continuing a multi-line array (the previous statement line
/// ending in `[` or `,`), where a `[` begins a value instead.
enum TableHeaderCheck {
    /// The 1-based number of the first such line, or nil.
    static func firstBadHeader(in text: String) -> Int? {
        var inMultilineString: [UInt8]?
        var continuesArray = false
        var bytes = Array(text.utf8)
        // toml++ skips a UTF-8 byte-order mark; a header right after one is at the line's start.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        for (index, rawLine) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == blank || $0 == tab }
            if let delimiter = inMultilineString {
                if occurrences(of: delimiter, in: line) > 0 { inMultilineString = nil }
                continue
            }
            // A delimiter that opens on this line and does not close on it.
            for delimiter in [Array("\"\"\"".utf8), Array("'''".utf8)] where occurrences(of: delimiter, in: line) % 2 == 1 {
                inMultilineString = delimiter
            }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            if first == UInt8(ascii: "["), !continuesArray, !startsWithKey(afterBrackets: line) { return index + 1 }
            let statement = (line.split(separator: UInt8(ascii: "#"), maxSplits: 1, omittingEmptySubsequences: false).first ?? line[...])
                .reversed().drop { $0 == blank || $0 == tab || $0 == UInt8(ascii: "\r") }
            continuesArray = statement.first == UInt8(ascii: "[") || statement.first == UInt8(ascii: ",")
        }
        return nil
    }

    private static let blank = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    private static func occurrences(of delimiter: [UInt8], in line: ArraySlice<UInt8>) -> Int {
        let bytes = Array(line)
        var count = 0, index = 0
        while index + delimiter.count <= bytes.count {
            if Array(bytes[index..<(index + delimiter.count)]) == delimiter {
                count += 1
                index += delimiter.count
            } else {
                index += 1
            }
        }
        return count
    }

    private static func startsWithKey(afterBrackets line: ArraySlice<UInt8>) -> Bool {
        var rest = line.dropFirst()
        if rest.first == UInt8(ascii: "[") { rest = rest.dropFirst() }
        rest = rest.drop { $0 == blank || $0 == tab }
        guard let next = rest.first else { return false }
        switch next {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }
}
