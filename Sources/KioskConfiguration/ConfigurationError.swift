/// A configuration file that cannot be used. The description names the file, the line and the key,
/// says what is wrong and what to do, in one line, e.g.
/// `/etc/kioskd/kioskd.toml:3: key 'kiosk_id': expected a string, found an integer`.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is not on one line (a missing file, a missing key).
    public var line: Int?
    public var column: Int?
    /// The dotted key, e.g. "devices.printer".
    public var key: String?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        if let key { return "\(location): key '\(key)': \(problem)" }
        return "\(location): \(problem)"
    }
}
