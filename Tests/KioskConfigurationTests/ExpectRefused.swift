import KioskConfiguration
import Testing

/// Checks that `text` is refused as a configuration, naming `line`, the dotted `key`, and a
/// problem that contains `problem`: what every table of bad values in these tests expects.
func expectRefused(_ text: String, line: Int?, key: String, problem: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let error = #expect(throws: ConfigurationError.self, sourceLocation: sourceLocation) {
        try KioskConfiguration.parse(text, sourcePath: "/etc/kioskd/kioskd.toml")
    }
    #expect(error?.key == key, sourceLocation: sourceLocation)
    #expect(error?.line == line, sourceLocation: sourceLocation)
    #expect(error?.problem.contains(problem) == true, "\(error?.problem ?? "")", sourceLocation: sourceLocation)
}
