import Foundation
import Testing
@testable import HallSync

/// The sync client's timing parts, with no network and no clock waits.
struct SyncTimingTests {
    /// Should double the wait from 1 s up to the maximum, each wait within its upper half
    @Test func backoffGrowsWithJitterUpToTheMaximum() {
        var backoff = SyncBackoff(maximum: .seconds(10))
        var generator = SystemRandomNumberGenerator()
        let ceilings: [Int] = [1000, 2000, 4000, 8000, 10000, 10000]
        for ceiling in ceilings {
            let delay = backoff.nextDelay(using: &generator) / .milliseconds(1)
            #expect(delay >= Double(ceiling / 2) && delay <= Double(ceiling), "ceiling \(ceiling)")
        }
        backoff.reset()
        #expect(backoff.nextDelay(using: &generator) <= .seconds(1))
    }

    /// Should schedule the reconciliation for later today, or tomorrow once the time has passed
    @Test func morningScheduleNextOccurrence() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let schedule = MorningSchedule(hour: 6, minute: 30)
        // 2026-03-02 05:00 in Shanghai = 2026-03-01 21:00 UTC.
        let early = Date(timeIntervalSince1970: 1_772_398_800)
        #expect(schedule.next(after: early, calendar: calendar) == early.addingTimeInterval(5400))
        let late = early.addingTimeInterval(5400)  // exactly 06:30: the next one is tomorrow
        #expect(schedule.next(after: late, calendar: calendar) == late.addingTimeInterval(86400))
    }

    /// Should let one pending signal through at once, and coalesce several into one
    @Test func wakeSignalCoalesces() async {
        let signal = WakeSignal()
        signal.signal()
        signal.signal()
        await signal.wait()  // returns at once: a signal is pending
        // No signal pending now: a bounded wait must time out rather than return early for free.
        let start = ContinuousClock.now
        await signal.wait(upTo: .milliseconds(50))
        #expect(ContinuousClock.now - start >= .milliseconds(50))
    }

    /// Should wake a task that waits when another task signals
    @Test func wakeSignalWakesAWaiter() async {
        let signal = WakeSignal()
        async let woken: Void = signal.wait()
        try? await Task.sleep(for: .milliseconds(10))
        signal.signal()
        await woken
    }
}
