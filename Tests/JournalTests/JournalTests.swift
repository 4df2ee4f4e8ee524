import Foundation
import Journal
import KioskTestSupport
import Testing

/// The journal on real SQLite files.
struct JournalTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory("journal-test")
        path = directory.file("journal.sqlite")
    }

    /// Should hand out sequence numbers 1, 2, 3… with no gaps, and a distinct UUID per event
    @Test func sequenceNumbersHaveNoGaps() async throws {
        let journal = try Journal(path: path, kioskID: "K-1")
        var events: [JournalEvent] = []
        for index in 1...50 {
            events.append(try await journal.append(.init(rawValue: "test.event"), payload: ["index": index]))
        }
        #expect(events.map(\.sequence) == Array(1...50))
        #expect(Set(events.map(\.id)).count == 50)
        let stored = try await journal.events(limit: 100)
        #expect(stored == events)
        try journal.close()
    }

    /// Should keep numbering after a reopen instead of starting again at 1
    @Test func sequenceContinuesAfterReopen() async throws {
        let first = try Journal(path: path, kioskID: "K-1")
        try await first.append(.kioskStarted, payload: ["n": 1])
        try await first.append(.kioskStopped, payload: ["n": 2])
        try first.close()
        let second = try Journal(path: path, kioskID: "K-1")
        let event = try await second.append(.kioskStarted, payload: ["n": 3])
        #expect(event.sequence == 3)
        try second.close()
    }

    /// Should run the writer with synchronous=FULL (2), which GRDB's pool would otherwise reset to NORMAL
    @Test func writerIsSynchronousFull() async throws {
        let journal = try Journal(path: path, kioskID: "K-1")
        #expect(try await journal.writerSynchronousMode() == 2)
        try journal.close()
    }

    /// Should count unsynced events and the oldest one's time, and forget them once the hall acknowledged them
    @Test func countsAndSync() async throws {
        let journal = try Journal(path: path, kioskID: "K-1")
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 0..<5 {
            try await journal.append(.init(rawValue: "test.event"), payload: ["index": index], at: start.addingTimeInterval(Double(index) * 60))
        }
        var counts = try await journal.counts()
        #expect(counts == JournalCounts(total: 5, unsynced: 5, oldestUnsyncedAt: start, lastSequence: 5))

        try await journal.markSynced(through: 3)
        counts = try await journal.counts()
        #expect(counts == JournalCounts(total: 5, unsynced: 2, oldestUnsyncedAt: start.addingTimeInterval(180), lastSequence: 5))
        #expect(try await journal.unsyncedEvents(limit: 10).map(\.sequence) == [4, 5])
        #expect(try await journal.unsyncedEvents(limit: 1).map(\.sequence) == [4])

        try await journal.markSynced(through: 5)
        #expect(try await journal.counts().unsynced == 0)
        #expect(try await journal.counts().oldestUnsyncedAt == nil)
        try journal.close()
    }

    /// Should refuse a payload holding a full ID number, and write nothing
    @Test func refusesAFullIDNumber() async throws {
        let journal = try Journal(path: path, kioskID: "K-1")
        try await journal.append(.init(rawValue: "ticket.issued"), payload: ["id": "530622********0026"])
        let error = await #expect(throws: JournalError.self) {
            try await journal.append(.init(rawValue: "ticket.issued"), payload: ["id": "11010519491231002X"])
        }
        #expect(error?.code == .refusedPayload)
        #expect(error?.message.contains("11010519491231002X") == false)
        #expect(try await journal.counts() == JournalCounts(total: 1, unsynced: 1, oldestUnsyncedAt: try await journal.events(limit: 1)[0].occurredAt, lastSequence: 1))
        // The refused append did not use up a sequence number.
        #expect(try await journal.append(.init(rawValue: "ticket.issued"), payload: ["n": 2]).sequence == 2)
        try journal.close()
    }

    /// Should refuse JSON that is not an object, and write nothing
    @Test(arguments: ["[1,2]", "not json", "", "{\"a\":"])
    func refusesNonObjectPayloads(_ json: String) async throws {
        let journal = try Journal(path: path, kioskID: "K-1")
        let error = await #expect(throws: JournalError.self) { try await journal.append(.init(rawValue: "x"), json: json) }
        #expect(error?.code == .refusedPayload)
        #expect(try await journal.counts().total == 0)
        #expect(try await journal.counts().lastSequence == 0)
        try journal.close()
    }

    /// Should refuse a journal that belongs to another kiosk, and leave it untouched
    @Test func refusesAnotherKiosksJournal() async throws {
        let journal = try Journal(path: path, kioskID: "K-1")
        try await journal.append(.kioskStarted, payload: ["n": 1])
        try journal.close()
        let error = #expect(throws: JournalError.self) { try Journal(path: path, kioskID: "K-2") }
        #expect(error?.code == .wrongKiosk)
        #expect(error?.message.contains("'K-1'") == true)
        let reopened = try Journal(path: path, kioskID: "K-1")
        #expect(try await reopened.counts().total == 1)
        try reopened.close()
    }

    /// Should refuse a file that is not SQLite with a message saying what to do, and not overwrite it
    @Test func refusesGarbageFile() throws {
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        #expect(FileManager.default.createFile(atPath: path, contents: garbage))
        let error = #expect(throws: JournalError.self) { try Journal(path: path, kioskID: "K-1") }
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains(path) == true)
        #expect(FileManager.default.contents(atPath: path) == garbage)
    }

    /// Should say which directory is missing when the journal cannot be created
    @Test func missingDirectory() {
        let error = #expect(throws: JournalError.self) { try Journal(path: "/nonexistent/dir/journal.sqlite", kioskID: "K-1") }
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains("/nonexistent/dir/journal.sqlite") == true)
    }
}
