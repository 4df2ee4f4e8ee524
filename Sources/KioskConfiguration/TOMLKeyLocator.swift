/// Finds the line on which a key was written. TOMLKit reports positions for syntax errors only,
/// so after a successful parse we look the key up in the text to point the technician at the
/// right line. It understands what a configuration file uses: `[table]` headers and `key = value`.
struct TOMLKeyLocator {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            let number = index + 1
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix(while: { $0 != "]" })
                table = Self.normalise(name)
                if lines[table] == nil { lines[table] = number }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.normalise(line[..<equals])
                let path = table.isEmpty ? key : table + "." + key
                if lines[path] == nil { lines[path] = number }
            }
        }
    }

    /// The line of `dottedKey` ("devices.printer"), if it was written in the file.
    func line(of dottedKey: String) -> Int? { lines[dottedKey] }

    private static func normalise(_ name: Substring) -> String {
        name.split(separator: ".")
            .map { $0.trimmingCharacters(in: " \t\"'") }
            .joined(separator: ".")
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(self.drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
