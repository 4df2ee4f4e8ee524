/// Exponential backoff with jitter for retries while the hall cannot be reached: 1 s, 2 s, 4 s …
/// up to `maximum`, each wait drawn at random from its upper half so that a hall's worth of
/// kiosks coming back after a power cut do not all call at the same instant.
struct SyncBackoff {
    let minimum: Duration
    let maximum: Duration
    private var failures = 0

    init(minimum: Duration = .seconds(1), maximum: Duration) {
        self.minimum = minimum
        self.maximum = max(minimum, maximum)
    }

    mutating func reset() { failures = 0 }

    /// The wait before the next attempt, after one more failure.
    mutating func nextDelay<R: RandomNumberGenerator>(using generator: inout R) -> Duration {
        let ceiling = min(maximum, minimum * (1 << min(failures, 20)))
        failures += 1
        let milliseconds = max(1, Int(ceiling / .milliseconds(1)))
        return .milliseconds(Int.random(in: (milliseconds / 2)...milliseconds, using: &generator))
    }

    mutating func nextDelay() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return nextDelay(using: &generator)
    }
}
