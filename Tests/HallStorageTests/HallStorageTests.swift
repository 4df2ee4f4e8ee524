import Foundation
import HallProtocol
import HallServer
import KioskTestSupport
import Testing

/// The hall's store, one suite for both backends: every test runs on SQLite and on a private
/// PostgreSQL (when installed, which install-deps ensures).
@Suite(.privatePostgres) struct HallStorageTests {
    static func batch(_ kioskID: String, _ sequences: ClosedRange<Int64>, id: (Int64) -> String = { Self.eventID($0) }) -> EventBatch {
        EventBatch(kioskID: kioskID, events: sequences.map {
            WireEvent(sequence: $0, id: id($0), kind: EventKinds.sessionStarted, occurredAtMs: 1_772_409_600_000 + $0 * 1000, payload: #"{"n":\#($0)}"#)
        })
    }

    static func eventID(_ sequence: Int64) -> String { String(format: "00000000-0000-4000-8000-%012llX", sequence) }

    static func ticket(_ category: String, _ day: String = "2026-03-02", requestID: String = UUID().uuidString, kiosk: String = "K-1") -> TicketRequest {
        TicketRequest(kioskID: kiosk, requestID: requestID, category: category, forDate: day)
    }

    /// Should store a batch once: sending it again stores nothing and acknowledges the same run
    @Test(arguments: StorageBackend.available) func ingestIsIdempotent(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.enroll(kioskID: "K-1", certificateSerial: "1")
            let first = try await store.ingest(Self.batch("K-1", 1...3))
            #expect(first == BatchAcknowledgement(kioskID: "K-1", highestContiguousSequence: 3, stored: 3))
            let again = try await store.ingest(Self.batch("K-1", 1...3))
            #expect(again == BatchAcknowledgement(kioskID: "K-1", highestContiguousSequence: 3, stored: 0))
            #expect(try await store.events(kioskID: "K-1") == Self.batch("K-1", 1...3).events)
            #expect(try await store.acknowledgement(kioskID: "K-1")?.highestContiguousSequence == 3)
            #expect(try await store.acknowledgement(kioskID: "K-9") == nil)
        }
    }

    /// Should refuse a batch whose sequence the hall holds with another event id, storing
    /// nothing of it, and refuse a kiosk never enrolled
    @Test(arguments: StorageBackend.available) func conflictsAndStrangersAreRefused(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.enroll(kioskID: "K-1", certificateSerial: "1")
            _ = try await store.ingest(Self.batch("K-1", 1...3))
            // 4 and 5 are new, but 3 contradicts the stored event 3.
            let contradicting = Self.batch("K-1", 3...5) { $0 == 3 ? UUID().uuidString : Self.eventID($0) }
            await #expect(throws: HallStoreError.self) { try await store.ingest(contradicting) }
            do {
                _ = try await store.ingest(contradicting)
            } catch let error as HallStoreError {
                #expect(error.code == .conflict)
                #expect(error.message.contains("sequence 3"))
            }
            #expect(try await store.events(kioskID: "K-1").map(\.sequence) == [1, 2, 3])
            #expect(try await store.acknowledgement(kioskID: "K-1")?.highestContiguousSequence == 3)
            do {
                _ = try await store.ingest(Self.batch("K-9", 1...1))
                Issue.record("A kiosk never enrolled was stored")
            } catch let error as HallStoreError {
                #expect(error.code == .notEnrolled)
            }
        }
    }

    /// Should hold back the acknowledgement while a gap remains, and extend it over events
    /// stored earlier out of order once the gap is filled
    @Test(arguments: StorageBackend.available) func outOfOrderBatchesJoinTheRun(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.enroll(kioskID: "K-1", certificateSerial: "1")
            #expect(try await store.ingest(Self.batch("K-1", 6...8)).highestContiguousSequence == 0)
            #expect(try await store.ingest(Self.batch("K-1", 1...2)).highestContiguousSequence == 2)
            #expect(try await store.ingest(Self.batch("K-1", 3...5)).highestContiguousSequence == 8)
            #expect(try await store.events(kioskID: "K-1").map(\.sequence) == Array(1...8))
        }
    }

    /// Should store the same batch exactly once when it arrives many times at once
    @Test(arguments: StorageBackend.available) func concurrentCopiesOfABatchAreStoredOnce(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.enroll(kioskID: "K-1", certificateSerial: "1")
            let batch = Self.batch("K-1", 1...200)
            let stored = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<12 { group.addTask { try await store.ingest(batch).stored } }
                return try await group.reduce(0, +)
            }
            #expect(stored == 200)
            #expect(try await store.events(kioskID: "K-1") == batch.events)
            #expect(try await store.acknowledgement(kioskID: "K-1")?.highestContiguousSequence == 200)
        }
    }

    /// Should number tickets per day and category, give a repeated request id its number, and
    /// start again at 1 on another day
    @Test(arguments: StorageBackend.available) func ticketNumbering(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            #expect(try await store.assignTicket(Self.ticket("A")).number == "A001")
            let repeated = Self.ticket("A", kiosk: "K-2")
            let second = try await store.assignTicket(repeated)
            #expect(second == TicketAssignment(requestID: repeated.requestID, number: "A002", category: "A", forDate: "2026-03-02", ahead: 1))
            #expect(try await store.assignTicket(repeated) == second)
            #expect(try await store.assignTicket(Self.ticket("B")).number == "B001")
            #expect(try await store.assignTicket(Self.ticket("A", "2026-03-03")).number == "A001")
            #expect(try await store.assignTicket(Self.ticket("A")).number == "A003")
        }
    }

    /// Should give 150 concurrent requests of one category the numbers 1...150, each once, and
    /// 20 concurrent copies of one request a single number that leaves no gap
    @Test(arguments: StorageBackend.available) func concurrentTicketsAreGaplessAndUnique(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<150 { group.addTask { try await store.assignTicket(Self.ticket("A", kiosk: "K-\(index % 4)")).number } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == (1...150).map { HallStorageTestsFormat.ticket("A", $0) })
            let request = Self.ticket("A")
            let copies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await store.assignTicket(request).number } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(copies == ["A151"])
            #expect(try await store.assignTicket(Self.ticket("A")).number == "A152")
        }
    }

    /// Should check in a booking by code or by holder once, numbering per category; a repeated
    /// request gets its booking again; an import leaves checked-in bookings alone
    @Test(arguments: StorageBackend.available) func checkIns(_ backend: StorageBackend) async throws {
        let holder = String(repeating: "ab", count: 32), other = String(repeating: "cd", count: 32)
        try await StorageFixture.make(backend).withStore { store in
            try await store.importBookings([
                Booking(code: "BK-1", holder: holder.uppercased(), date: "2026-03-02", category: "B", serviceID: "housing-fund"),
                Booking(code: "BK-2", holder: holder, date: "2026-03-02", category: "B", serviceID: "housing-fund"),
                Booking(code: "BK-3", holder: other, date: "2026-03-02", category: "C", serviceID: "pension"),
            ])
            let byCode = CheckInRequest(kioskID: "K-1", requestID: UUID().uuidString, code: "BK-3", holder: nil, forDate: "2026-03-02")
            #expect(try await store.checkIn(byCode) == CheckInAnswer(requestID: byCode.requestID, number: "YC001", category: "C", serviceID: "pension", ahead: 0))
            let first = CheckInRequest(kioskID: "K-1", requestID: UUID().uuidString, code: nil, holder: holder, forDate: "2026-03-02")
            #expect(try await store.checkIn(first)?.number == "YB001")
            // The kiosk's retry of the same request: the same booking, not the holder's second.
            #expect(try await store.checkIn(first)?.number == "YB001")
            let second = CheckInRequest(kioskID: "K-2", requestID: UUID().uuidString, code: nil, holder: holder, forDate: "2026-03-02")
            #expect(try await store.checkIn(second)?.number == "YB002")
            // Both checked in: a third visit is shown the earliest.
            let third = CheckInRequest(kioskID: "K-2", requestID: UUID().uuidString, code: nil, holder: holder, forDate: "2026-03-02")
            #expect(try await store.checkIn(third)?.number == "YB001")
            #expect(try await store.checkIn(CheckInRequest(kioskID: "K-1", requestID: UUID().uuidString, code: "BK-1", holder: nil, forDate: "2026-03-03")) == nil)
            #expect(try await store.checkIn(CheckInRequest(kioskID: "K-1", requestID: UUID().uuidString, code: "BK-404", holder: nil, forDate: "2026-03-02")) == nil)
            try await store.importBookings([Booking(code: "BK-1", holder: other, date: "2026-03-05", category: "Z", serviceID: "moved")])
            let again = CheckInRequest(kioskID: "K-1", requestID: UUID().uuidString, code: "BK-1", holder: nil, forDate: "2026-03-02")
            #expect(try await store.checkIn(again)?.serviceID == "housing-fund")
        }
    }

    /// Should give concurrent check-ins of different bookings of one category distinct numbers
    /// 1...n, and concurrent copies of one check-in a single number
    @Test(arguments: StorageBackend.available) func concurrentCheckInsAreUnique(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.importBookings((1...40).map { Booking(code: "BK-\($0)", holder: String(repeating: "0", count: 64), date: "2026-03-02", category: "B", serviceID: "s") })
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 1...40 {
                    group.addTask { try await store.checkIn(CheckInRequest(kioskID: "K-1", requestID: UUID().uuidString, code: "BK-\(index)", holder: nil, forDate: "2026-03-02"))?.number }
                    // The same booking again at once, from another request.
                    if index == 7 { group.addTask { try await store.checkIn(CheckInRequest(kioskID: "K-2", requestID: UUID().uuidString, code: "BK-7", holder: nil, forDate: "2026-03-02"))?.number } }
                }
                return try await group.reduce(into: [String]()) { $0.append($1 ?? "none") }
            }
            #expect(Set(numbers) == Set((1...40).map { "Y" + HallStorageTestsFormat.ticket("B", $0) }))
            #expect(numbers.count == 41)
        }
    }

    /// Should answer case progress from imported records, a later import replacing a record
    @Test(arguments: StorageBackend.available) func progress(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.importProgress([CaseProgress(caseNumber: "QJ-1", status: "accepted", nextStep: "wait", updatedAtMs: 1)])
            try await store.importProgress([CaseProgress(caseNumber: "QJ-1", status: "ready", nextStep: "collect", updatedAtMs: 2),
                                            CaseProgress(caseNumber: "QJ-2", status: "accepted", nextStep: "", updatedAtMs: 3)])
            #expect(try await store.progress(caseNumber: "QJ-1") == CaseProgress(caseNumber: "QJ-1", status: "ready", nextStep: "collect", updatedAtMs: 2))
            #expect(try await store.progress(caseNumber: "QJ-2")?.status == "accepted")
            #expect(try await store.progress(caseNumber: "QJ-3") == nil)
        }
    }

    /// Should keep the serial of the latest enrolment, forget it on revoke (keeping the events),
    /// and report an unknown kiosk's revoke as false
    @Test(arguments: StorageBackend.available) func enrollAndRevoke(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            try await store.enroll(kioskID: "K-1", certificateSerial: "11")
            _ = try await store.ingest(Self.batch("K-1", 1...2))
            try await store.enroll(kioskID: "K-1", certificateSerial: "22")
            #expect(try await store.certificateSerial(kioskID: "K-1") == "22")
            #expect(try await store.acknowledgement(kioskID: "K-1")?.highestContiguousSequence == 2)
            #expect(try await store.revoke(kioskID: "K-1"))
            #expect(try await store.certificateSerial(kioskID: "K-1") == nil)
            #expect(try await store.events(kioskID: "K-1").count == 2)
            #expect(try await store.revoke(kioskID: "K-9") == false)
            #expect(try await store.certificateSerial(kioskID: "K-9") == nil)
        }
    }

    /// Should give the report the day's events of all kiosks in (kiosk, sequence) order and every
    /// kiosk with its last contact and heartbeat
    @Test(arguments: StorageBackend.available) func reportReads(_ backend: StorageBackend) async throws {
        try await StorageFixture.make(backend).withStore { store in
            for kioskID in ["K-2", "K-1"] { try await store.enroll(kioskID: kioskID, certificateSerial: "1") }
            _ = try await store.ingest(Self.batch("K-2", 1...3), at: Date(timeIntervalSince1970: 1_772_500_000))
            _ = try await store.ingest(Self.batch("K-1", 1...2))
            let heartbeat = Heartbeat(kioskID: "K-1", sentAtMs: 1, softwareVersion: "1.0", lastSequence: 2, unsyncedEvents: 5, devices: [])
            try await store.recordHeartbeat(heartbeat, json: #"{"unsyncedEvents":5}"#, at: Date(timeIntervalSince1970: 1_772_600_000))
            // Events 2 and 3 (occurred at +2 s and +3 s) fall into [+2 s, +4 s).
            let start = Date(timeIntervalSince1970: 1_772_409_602), end = Date(timeIntervalSince1970: 1_772_409_604)
            let events = try await store.events(from: start, to: end)
            #expect(events.map { "\($0.kioskID)#\($0.event.sequence)" } == ["K-1#2", "K-2#2", "K-2#3"])
            #expect(events.first?.event == Self.batch("K-1", 2...2).events.first)
            let kiosks = try await store.kiosks()
            #expect(kiosks.map(\.kioskID) == ["K-1", "K-2"])
            #expect(kiosks[0].lastHeartbeat == #"{"unsyncedEvents":5}"#)
            #expect(kiosks[0].lastContact == Date(timeIntervalSince1970: 1_772_600_000))
            #expect(kiosks[1].lastContact == Date(timeIntervalSince1970: 1_772_500_000))
            #expect(kiosks[1].contiguousSequence == 3 && kiosks[1].lastHeartbeat == nil)
            let report = try await MorningReport.load(date: "2026-03-02", from: store, calendar: Calendar(identifier: .gregorian))
            #expect(report?.kiosks.count == 2)
        }
    }

    /// Should migrate once and keep the data when opened again
    @Test(arguments: StorageBackend.available) func reopeningKeepsTheData(_ backend: StorageBackend) async throws {
        let fixture = try await StorageFixture.make(backend)
        try await fixture.withStore { store in
            try await store.enroll(kioskID: "K-1", certificateSerial: "1")
            _ = try await store.ingest(Self.batch("K-1", 1...4))
            _ = try await store.assignTicket(Self.ticket("A"))
        }
        let tables = try await fixture.tables()
        try await fixture.withStore { (store: any HallStorage) async throws -> Void in
            #expect(try await store.acknowledgement(kioskID: "K-1")?.highestContiguousSequence == 4)
            #expect(try await store.assignTicket(Self.ticket("A")).number == "A002")
        }
        #expect(try await fixture.tables() == tables)
        #expect(tables.contains("event") && tables.contains("kiosk") && tables.contains("ticket"))
    }

    /// Should refuse, with one line naming the database, a database migrated by a newer kiosk-hall
    @Test(arguments: StorageBackend.available) func newerSchemaIsRefused(_ backend: StorageBackend) async throws {
        let fixture = try await StorageFixture.make(backend)
        try await fixture.withStore { store in try await store.enroll(kioskID: "K-1", certificateSerial: "1") }
        try await fixture.pretendNewerSchema()
        do {
            try await fixture.withStore { _ in Issue.record("A newer schema was opened") }
        } catch let error as HallStoreError {
            #expect(error.code == .incompatible)
            #expect(error.message.contains("newer kiosk-hall"), "\(error.message)")
            #expect(error.message.contains(fixture.location.description), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    /// Should refuse another application's database and create nothing in it
    @Test(arguments: StorageBackend.available) func anotherApplicationsDatabaseIsRefused(_ backend: StorageBackend) async throws {
        let fixture = try await StorageFixture.make(backend)
        try await fixture.makeOtherApplications()
        do {
            try await fixture.withStore { _ in Issue.record("Another application's database was opened") }
        } catch let error as HallStoreError {
            #expect(error.code == .incompatible)
            #expect(error.message.contains("another application"), "\(error.message)")
        }
        #expect(try await fixture.tables() == ["invoice"])
    }
}

enum HallStorageTestsFormat {
    static func ticket(_ category: String, _ number: Int) -> String { category + String(format: "%03d", number) }
}
