import TOMLKit

/// Reads the keys of one TOML table, remembering which were used so that anything left over can
/// be reported as an unknown key (a typo like `kiosk_name` must not be silently ignored).
struct TableReader {
    let table: TOMLTable
    let prefix: String
    let file: String
    let locator: TOMLKeyLocator
    // Internal so that readers for more types can live in their own files (TableReader+Integers.swift).
    var used: Set<String> = []

    init(table: TOMLTable, prefix: String, file: String, locator: TOMLKeyLocator) {
        self.table = table
        self.prefix = prefix
        self.file = file
        self.locator = locator
    }

    /// Reads a string that must be present; `check` returns a problem description or nil.
    mutating func requiredString(_ key: String, check: (String) -> String? = { _ in nil }) throws(ConfigurationError) -> String {
        guard let value = try optionalString(key, check: check) else {
            throw ConfigurationError(file: file, key: path(key), problem: "is missing. Add `\(key) = \"...\"`\(prefix.isEmpty ? " at the top of the file" : " under [\(prefix)]").")
        }
        return value
    }

    mutating func optionalString(_ key: String, nonEmpty: Bool = false, check: (String) -> String? = { _ in nil }) throws(ConfigurationError) -> String? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            throw error(key, "expected a string, found \(Self.article(value.type))")
        }
        if nonEmpty && string.isEmpty {
            throw error(key, "must not be empty")
        }
        if let problem = check(string) {
            throw error(key, problem)
        }
        return string
    }

    mutating func optionalTable(_ key: String) throws(ConfigurationError) -> TableReader? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard let nested = value.table else {
            throw error(key, "expected a table ([\(path(key))]), found \(Self.article(value.type))")
        }
        return TableReader(table: nested, prefix: path(key), file: file, locator: locator)
    }

    /// Throws for the first key (in file order) that no reader asked for.
    func rejectUnknownKeys(hint: String) throws(ConfigurationError) {
        let unknown = table.keys.filter { !used.contains($0) }
        guard !unknown.isEmpty else { return }
        let first = unknown.min { (locator.line(of: path($0)) ?? .max) < (locator.line(of: path($1)) ?? .max) }!
        let known = used.sorted().joined(separator: ", ")
        let hintText = used.isEmpty ? hint : "known keys here are \(known); \(hint)"
        throw error(first, "unknown key (\(hintText))")
    }

    private func path(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }

    private func error(_ key: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(file: file, line: locator.line(of: path(key)), key: path(key), problem: problem)
    }

    private static func article(_ type: TOMLType) -> String {
        switch type {
        case .int: "an integer"
        case .array: "an array"
        default: "a \(type)"
        }
    }
}
