/// A font set that cannot draw anything: no font of its chain could be opened.
public struct FontSetError: Error, Equatable, CustomStringConvertible {
    public var skipped: [SkippedFont]

    public var description: String {
        let tried = skipped.map { "\($0.source) (\($0.reason))" }.joined(separator: "; ")
        return "Unable to open any font for text: \(tried). Install fonts-noto-cjk (scripts/install-deps.sh)."
    }
}
