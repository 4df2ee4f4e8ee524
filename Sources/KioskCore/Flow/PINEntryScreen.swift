public struct PINEntryScreen: Sendable, Equatable {
    /// Dots to show, never the digits.
    public var digitsEntered: Int
    public var failures: Int
    /// Set while entry is locked after too many failures.
    public var lockedUntil: FlowTime?

    public init(digitsEntered: Int, failures: Int, lockedUntil: FlowTime?) {
        self.digitsEntered = digitsEntered
        self.failures = failures
        self.lockedUntil = lockedUntil
    }
}
