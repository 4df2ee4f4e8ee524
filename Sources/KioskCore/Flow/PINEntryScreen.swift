public struct PINEntryScreen: Sendable, Equatable {
    /// Dots to show, never the digits.
    public var digitsEntered: Int
    public var failures: Int
    /// Tries left before entry locks (`FlowConfiguration.pinAttempts` less the failures).
    public var attemptsLeft: Int
    /// Set while entry is locked after too many failures.
    public var lockedUntil: FlowTime?

    public init(digitsEntered: Int, failures: Int, attemptsLeft: Int, lockedUntil: FlowTime?) {
        self.digitsEntered = digitsEntered
        self.failures = failures
        self.attemptsLeft = attemptsLeft
        self.lockedUntil = lockedUntil
    }
}
