/// kioskctl's human output: right-aligned field names, as timedatectl prints them.
///
///           Kiosk: K-0412
///     card reader: ready (/dev/ttyUSB0)
///                  (an empty name continues the field above)
enum FieldTable {
    static func render(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { name, value in
            let label = name.isEmpty ? String(repeating: " ", count: width + 1) : String(repeating: " ", count: width - name.count) + name + ":"
            return "\(label) \(value)"
        }.joined(separator: "\n")
    }
}
