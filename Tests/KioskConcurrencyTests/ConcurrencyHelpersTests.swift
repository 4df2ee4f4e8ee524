import Synchronization
import Testing
@testable import KioskConcurrency

/// The retry policy, the wake signal and the reopening loop, driven by a manual clock: nothing
/// here sleeps for real, so "nothing happened yet" is checked exactly.
struct BackoffTests {
    /// Should double from the first wait to the longest and start over after reset
    @Test func doublesUpToTheLongest() {
        var backoff = Backoff(first: .milliseconds(500), longest: .seconds(5))
        let waits = (0..<6).map { _ in backoff.nextDelay() }
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
        backoff.reset()
        #expect(backoff.nextDelay() == .milliseconds(500))
    }

    /// Should draw each wait with jitter from the upper half of its ceiling
    @Test func jitterStaysInTheUpperHalf() {
        var backoff = Backoff(first: .seconds(1), longest: .seconds(10), jitter: true)
        var generator = SystemRandomNumberGenerator()
        for ceiling in [1000, 2000, 4000, 8000, 10000, 10000] {
            let wait = backoff.nextDelay(using: &generator) / .milliseconds(1)
            #expect(wait >= Double(ceiling / 2) && wait <= Double(ceiling), "ceiling \(ceiling)")
        }
    }

    /// Should never overflow however many failures there were
    @Test func manyFailuresStayAtTheLongest() {
        var backoff = Backoff(first: .seconds(1), longest: .seconds(30))
        for _ in 0..<200 { _ = backoff.nextDelay() }
        #expect(backoff.nextDelay() == .seconds(30))
    }
}

struct WakeSignalTests {
    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    /// Should not return before its timeout without a signal, and return when the clock reaches it
    @Test(.timeLimit(.minutes(1))) func timedWaitEndsAtItsDeadline() async {
        let clock = ManualClock()
        let signal = WakeSignal()
        let returned = Flag()
        let waiting = Task {
            await signal.wait(upTo: .seconds(5), on: clock)
            returned.value.store(true, ordering: .sequentiallyConsistent)
        }
        #expect(await clock.sleepersReach(1))
        clock.advance(by: .seconds(4))
        for _ in 0..<1000 { await Task.yield() }
        let early = returned.value.load(ordering: .sequentiallyConsistent)
        #expect(!early, "returned before its timeout")
        clock.advance(by: .seconds(1))
        await waiting.value
        let done = returned.value.load(ordering: .sequentiallyConsistent)
        #expect(done)
    }

    /// Should let a signal end a timed wait long before the clock moves, and coalesce signals
    @Test(.timeLimit(.minutes(1))) func signalEndsTheWaitAndCoalesces() async {
        let clock = ManualClock()
        let signal = WakeSignal()
        let waiting = Task { await signal.wait(upTo: .seconds(3600), on: clock) }
        #expect(await clock.sleepersReach(1))
        signal.signal()
        await waiting.value
        #expect(clock.now.offset == .zero, "the clock never moved")
        signal.signal()
        signal.signal()
        await signal.wait()  // one pending signal: returns at once
        // No signal pending any more: the next wait sleeps until its deadline.
        let next = Task { await signal.wait(upTo: .seconds(1), on: clock) }
        #expect(await clock.sleepersReach(1))
        clock.advance(by: .seconds(1))
        await next.value
    }

    /// Should end a wait with no timeout when its task is cancelled
    @Test(.timeLimit(.minutes(1))) func cancellationEndsAnUntimedWait() async {
        let signal = WakeSignal()
        let waiting = Task { await signal.wait(upTo: nil, on: ManualClock()) }
        waiting.cancel()
        await waiting.value
    }
}

struct ReopeningTests {
    struct Broken: Error, CustomStringConvertible {
        var description: String
    }

    /// What the loop did: how often it tried to open, and what it reported.
    final class Record: Sendable {
        let attempts = Atomic<Int>(0)
        let reports = Mutex<[(String, Bool)]>([])
    }

    /// Should wait the backoff between failed opens on the clock, report each new cause once,
    /// and start over after a session that opened
    @Test(.timeLimit(.minutes(1))) func retriesWithBackoffAndReportsNewCausesOnce() async {
        let clock = ManualClock()
        let record = Record()
        func count() -> Int { record.attempts.load(ordering: .sequentiallyConsistent) }
        let loop = Task {
            await Reopening.run(backoff: Backoff(first: .milliseconds(500), longest: .seconds(2)), clock: clock,
                                failed: { cause, isNew in record.reports.withLock { $0.append((cause, isNew)) } },
                                describe: { "\($0)" }) { opened in
                let attempt = record.attempts.add(1, ordering: .sequentiallyConsistent).newValue
                if attempt == 4 { opened() }
                throw Broken(description: attempt == 4 ? "unplugged" : "missing")
            }
        }
        // Attempt 1 fails at once; then the waits are 0.5, 1, 2 s.
        #expect(await clock.sleepersReach(1))
        #expect(count() == 1)
        clock.advance(by: .milliseconds(499))
        for _ in 0..<1000 { await Task.yield() }
        #expect(count() == 1, "reopened before the backoff")
        clock.advance(by: .milliseconds(1))
        #expect(await clock.sleepersReach(1))
        #expect(count() == 2)
        clock.advance(by: .seconds(1))
        #expect(await clock.sleepersReach(1))
        clock.advance(by: .seconds(2))
        // Attempt 4 opened, then failed: the backoff starts over at 0.5 s.
        #expect(await clock.sleepersReach(1))
        #expect(count() == 4)
        clock.advance(by: .milliseconds(500))
        #expect(await clock.sleepersReach(1))
        #expect(count() == 5)
        loop.cancel()
        await loop.value
        let seen = record.reports.withLock { $0 }
        #expect(seen.map(\.0) == ["missing", "missing", "missing", "unplugged", "missing"])
        #expect(seen.map(\.1) == [true, false, false, true, true])
    }
}
