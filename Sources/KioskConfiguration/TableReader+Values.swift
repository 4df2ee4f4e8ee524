import TOMLKit

extension TableReader {
    mutating func optionalInt(_ key: String, range: ClosedRange<Int>, check: (Int) -> String? = { _ in nil }) throws(ConfigurationError) -> Int? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard let int = value.int else { throw problem(key, "expected an integer, found \(Self.article(value.type))") }
        guard range.contains(int) else { throw problem(key, "must be from \(range.lowerBound) to \(range.upperBound), got \(int)") }
        if let text = check(int) { throw problem(key, text) }
        return int
    }

    mutating func optionalBool(_ key: String) throws(ConfigurationError) -> Bool? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw problem(key, "expected true or false, found \(Self.article(value.type))") }
        return bool
    }

    /// The names of the tables under this one, in file order, each with its reader
    /// (`[devices.printers.receipt]` gives "receipt"). A non-table value is an error.
    mutating func namedTables() throws(ConfigurationError) -> [(name: String, reader: TableReader)] {
        var result: [(name: String, reader: TableReader)] = []
        let names = table.keys.sorted { (locator.line(of: dotted($0)) ?? .max) < (locator.line(of: dotted($1)) ?? .max) }
        for name in names {
            guard let nested = try optionalTable(name) else { continue }
            result.append((name, nested))
        }
        return result
    }

    func problem(_ key: String, _ text: String) -> ConfigurationError {
        ConfigurationError(file: file, line: locator.line(of: dotted(key)), key: dotted(key), problem: text)
    }

    func dotted(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
}

extension TableReader {
    /// An array of numbers; integers are accepted where a number is expected (1 for 1.0).
    mutating func optionalNumberArray(_ key: String, check: ([Double]) -> String? = { _ in nil }) throws(ConfigurationError) -> [Double]? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw problem(key, "expected an array of numbers, found \(Self.article(value.type))") }
        var numbers: [Double] = []
        for element in array {
            if let double = element.double {
                numbers.append(double)
            } else if let int = element.int {
                numbers.append(Double(int))
            } else {
                throw problem(key, "expected an array of numbers, found \(Self.article(element.type)) in it")
            }
        }
        if let text = check(numbers) { throw problem(key, text) }
        return numbers
    }
}
