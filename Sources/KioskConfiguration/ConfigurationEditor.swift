/// Changes one key of a configuration file's text and keeps everything else (comments, order,
/// spacing) as the technician wrote it: `kioskctl screen calibrate` writes its matrix this way.
public enum ConfigurationEditor {
    /// `[a, b, c, d, e, f]` with enough digits to round-trip the fit.
    public static func calibrationValue(_ matrix: [Double]) -> String {
        "[" + matrix.map { value in
            let rounded = (value * 1_000_000).rounded() / 1_000_000
            return rounded == 0 ? "0.0" : "\(rounded)"
        }.joined(separator: ", ") + "]"
    }

    /// Sets `calibration` under `[devices.touchscreen]`, replacing the line that holds it or
    /// adding one right after the table's header. The result is parsed again before it is
    /// returned, so a file this breaks is never written.
    /// - Throws: `ConfigurationError` when the file has no such table or does not parse afterwards.
    public static func settingTouchscreenCalibration(_ matrix: [Double], in text: String, sourcePath: String) throws(ConfigurationError) -> String {
        precondition(matrix.count == 6, "a calibration matrix has six values")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { isHeader($0, named: "devices.touchscreen") }) else {
            throw ConfigurationError(file: sourcePath, key: "devices.touchscreen", problem: "has no [devices.touchscreen] table to hold the calibration. Add the table with the panel's device first.")
        }
        let end = lines[(header + 1)...].firstIndex(where: { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("[") }) ?? lines.endIndex
        let newLine = "calibration = " + calibrationValue(matrix)
        if let existing = lines[(header + 1)..<end].firstIndex(where: { keyName(of: $0) == "calibration" }) {
            lines[existing] = newLine
        } else {
            lines.insert(newLine, at: header + 1)
        }
        let result = lines.joined(separator: "\n")
        let parsed = try KioskConfiguration.parse(result, sourcePath: sourcePath)
        guard let written = parsed.devices.touchscreen?.calibration, zip(written, matrix).allSatisfy({ abs($0 - $1) < 1e-5 }) else {
            throw ConfigurationError(file: sourcePath, key: "devices.touchscreen.calibration", problem: "could not be set: the table is written in a form this tool does not edit. Set it by hand.")
        }
        return result
    }

    private static func isHeader(_ line: String, named name: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[["), let close = trimmed.firstIndex(of: "]") else { return false }
        let inside = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        return inside.split(separator: ".").map { $0.filter { $0 != " " && $0 != "\t" && $0 != "\"" } }.joined(separator: ".") == name
    }

    private static func keyName(of line: String) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { return nil }
        return String(trimmed[..<equals].filter { $0 != " " && $0 != "\t" })
    }
}
