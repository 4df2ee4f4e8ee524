import TOMLKit

extension TableReader {
    /// Reads an integer that must lie in `range`; nil when the key is absent.
    mutating func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        let dotted = prefix.isEmpty ? key : prefix + "." + key
        guard let integer = value.int else {
            throw ConfigurationError(file: file, line: locator.line(of: dotted), key: dotted, problem: "expected an integer, found \(value.type == .array ? "an array" : "a \(value.type)")")
        }
        guard range.contains(integer) else {
            throw ConfigurationError(file: file, line: locator.line(of: dotted), key: dotted, problem: "must be from \(range.lowerBound) to \(range.upperBound), got \(integer)")
        }
        return integer
    }
}
