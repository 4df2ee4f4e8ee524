import Foundation
import HallProtocol
import Journal
import Testing
@testable import HallSync

/// The sync client's timing parts, with no network and no clock waits.
struct SyncTimingTests {
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
}

/// Batches stay under the hall's body limit whatever the events' sizes.
struct BatchSizeTests {
    func event(_ sequence: Int64, bytes: Int) -> JournalEvent {
        JournalEvent(sequence: sequence, id: UUID(), kind: .init(rawValue: "form.printed"), occurredAt: Date(), payload: "{\"t\":\"" + String(repeating: "x", count: bytes) + "\"}", syncedAt: nil)
    }

    /// Should cut a batch of large events short, keep small batches whole, and never send none
    @Test func capsLargeBatches() {
        let large = (1...500).map { event($0, bytes: 15_000) }
        let capped = JournalPusher.capped(large)
        #expect(capped.count > 0 && capped.count < 500)
        #expect(capped.map { $0.payload.utf8.count * 2 + 160 }.reduce(0, +) <= HallProtocol.maximumBodyBytes)
        let small = (1...500).map { event($0, bytes: 50) }
        #expect(JournalPusher.capped(small).count == 500)
        #expect(JournalPusher.capped([event(1, bytes: 5_000_000)]).count == 1)
    }
}

/// `sync now` waits for rounds on the status board.
struct SyncStatusBoardTests {
    /// Should release a task waiting for a round when that task is cancelled (kioskd stopping),
    /// with no round having run
    @Test(.timeLimit(.minutes(1))) func cancelledWaitReturns() async {
        let board = SyncStatusBoard(hallURL: "https://127.0.0.1:1")
        let target = await board.nextRoundTarget()
        let waiting = Task { await board.waitForRound(target) }
        try? await Task.sleep(for: .milliseconds(10))
        waiting.cancel()
        await waiting.value  // would hang (until the time limit) without cancellation support
        #expect(await board.status.lastSuccessAt == nil, "no round ran: the wait ended by cancellation")
    }

    /// Should release a waiter when its round ends
    @Test(.timeLimit(.minutes(1))) func roundEndReleasesWaiter() async {
        let board = SyncStatusBoard(hallURL: "https://127.0.0.1:1")
        let target = await board.nextRoundTarget()
        async let waited: Void = board.waitForRound(target)
        await board.roundStarted(at: Date())
        await board.roundSucceeded(at: Date())
        await waited
        #expect(await board.status.state == "idle")
    }
}
