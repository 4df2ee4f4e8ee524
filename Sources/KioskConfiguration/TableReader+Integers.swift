import TOMLKit

extension TableReader {
    /// Reads an integer that must lie in `range`; nil when the key is absent.
    /// (Same signature and messages as the ID-card branch's `TableReader.optionalInt`: when both
    /// meet, keep that one and delete this file.)
    mutating func optionalInt(_ key: String, in range: ClosedRange<Int>? = nil) throws(ConfigurationError) -> Int? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        let dotted = prefix.isEmpty ? key : prefix + "." + key
        guard let integer = value.int else {
            throw ConfigurationError(file: file, line: locator.line(of: dotted), key: dotted, problem: "expected an integer, found \(value.type == .array ? "an array" : "a \(value.type)")")
        }
        if let range, !range.contains(integer) {
            throw ConfigurationError(file: file, line: locator.line(of: dotted), key: dotted, problem: "must be from \(range.lowerBound) to \(range.upperBound), got \(integer)")
        }
        return integer
    }
}
