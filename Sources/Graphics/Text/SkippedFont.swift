/// A font of the chain that could not be opened (usually: its Debian package is not
/// installed). The font set works without it; the status page shows it.
public struct SkippedFont: Equatable, Sendable, CustomStringConvertible {
    public var source: FontSource
    public var reason: String

    public init(source: FontSource, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason), skipping it" }
}
