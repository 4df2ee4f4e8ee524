/// Waits between retries: `first`, doubling after each failure up to `longest`; `reset()` after
/// a success starts over. With `jitter`, each wait is drawn from its upper half, so that a hall's
/// worth of kiosks coming back after a power cut do not all call at the same instant.
///
/// The one retry policy of kioskd: the card reader's reopening, the display's and the input
/// devices', and the sync's retries while the hall cannot be reached.
public struct Backoff: Sendable {
    public let first: Duration
    public let longest: Duration
    public let jitter: Bool
    public private(set) var failures = 0

    public init(first: Duration, longest: Duration, jitter: Bool = false) {
        self.first = first
        self.longest = max(first, longest)
        self.jitter = jitter
    }

    public mutating func reset() { failures = 0 }

    /// The wait before the next attempt, counting one more failure.
    public mutating func nextDelay<R: RandomNumberGenerator>(using generator: inout R) -> Duration {
        // 2^20 * first is far past any longest; capping the shift keeps the multiplication finite.
        let ceiling = min(longest, first * (1 << min(failures, 20)))
        failures += 1
        guard jitter else { return ceiling }
        let milliseconds = max(1, Int(ceiling / .milliseconds(1)))
        return .milliseconds(Int.random(in: (milliseconds / 2)...milliseconds, using: &generator))
    }

    public mutating func nextDelay() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return nextDelay(using: &generator)
    }
}
