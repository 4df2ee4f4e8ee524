/// One printer as the printer service sees it, for `kioskctl printer status`.
public struct PrinterReport: Codable, Sendable, Equatable {
    public var name: String
    public var uri: String
    /// "ready", "paper near end", "paper out", "cover open", "cutter error", "offline", "unknown"
    /// or "not connected".
    public var state: String
    /// The raw evidence: status bytes or CUPS reasons.
    public var raw: String
    /// What the technician should do.
    public var advice: String
    /// e.g. "576 dots, Chinese font ROM, hardware QR, full cutter".
    public var profile: String
    /// Jobs the printer confirmed, and jobs that failed, since kioskd started.
    public var printed: Int
    public var failed: Int
    public var lastError: String?

    public init(name: String, uri: String, state: String, raw: String, advice: String, profile: String, printed: Int, failed: Int, lastError: String?) {
        self.name = name
        self.uri = uri
        self.state = state
        self.raw = raw
        self.advice = advice
        self.profile = profile
        self.printed = printed
        self.failed = failed
        self.lastError = lastError
    }
}

