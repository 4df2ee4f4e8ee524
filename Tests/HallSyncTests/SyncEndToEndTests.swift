import ControlProtocol
import Foundation
import Journal
import KioskTestSupport
import Testing

/// The real kioskd syncing to the real kiosk-hall over loopback mutual TLS.
@Suite(.serialized) struct SyncEndToEndTests {
    /// Should deliver every journal event to the hall, and report the backlog as empty in
    /// `kioskctl sync status`
    @Test func eventsFlowToTheHall() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-FLOW")
        try await hall.start()
        let kioskd = try await KioskdInstance(kioskID: "K-FLOW", hallURL: hall.url, syncTable: hall.syncTable(for: "K-FLOW", extra: "heartbeat_seconds = 1"))

        // Appended from the test process, as the Flow would append them in kioskd.
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-FLOW")
        for index in 0..<40 {
            try await journal.append(JournalEventKind(rawValue: "ticket.issued"), payload: ["category": "A", "number": "A\(index)"])
        }
        let now = try await kioskd.kioskctl(["sync", "now"])
        #expect(now.status == 0, "\(now.standardOutput)\(now.standardError)")

        let database = HallDatabase(path: hall.databasePath)
        #expect(try await eventually { try database.events(kioskID: "K-FLOW").count == 41 })
        let expected = try await journal.events(limit: 1000).map { HallDatabase.StoredEvent(sequence: $0.sequence, id: $0.id.uuidString) }
        #expect(try database.events(kioskID: "K-FLOW") == expected)

        let status = try await kioskd.kioskctl(["sync", "status", "--json"])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let sync = try decoder.decode(SyncStatus.self, from: Data(status.standardOutput.utf8))
        #expect(sync.enabled)
        #expect(sync.unsyncedEvents == 0)
        #expect(sync.hallAcknowledgedSequence == 41)
        #expect(sync.lastError == nil)
        let table = try await kioskd.kioskctl(["sync", "status"])
        #expect(table.standardOutput.contains("Backlog: all 41 events synced"), "\(table.standardOutput)")
        try journal.close()
        #expect(await kioskd.stop() == 0)
        #expect(await hall.stop() == 0)
    }

    /// Should send a heartbeat that the hall records with the kiosk's backlog
    @Test func heartbeatReachesTheHall() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-BEAT")
        try await hall.start()
        let kioskd = try await KioskdInstance(kioskID: "K-BEAT", hallURL: hall.url, syncTable: hall.syncTable(for: "K-BEAT", extra: "heartbeat_seconds = 1"))
        let database = HallDatabase(path: hall.databasePath)
        #expect(try await eventually { try database.lastHeartbeat(kioskID: "K-BEAT") != nil })
        let heartbeat = try #require(try database.lastHeartbeat(kioskID: "K-BEAT"))
        #expect(heartbeat.contains("\"kioskID\":\"K-BEAT\""))
        #expect(heartbeat.contains("\"softwareVersion\":\"0.1.0\""))
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }

    /// Should keep everything while the hall is down for the night, say why in `sync status`,
    /// and deliver it all in sequence order once the hall is up
    @Test func hallDownForTheNight() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-NIGHT")
        let kioskd = try await KioskdInstance(kioskID: "K-NIGHT", hallURL: hall.url, syncTable: hall.syncTable(for: "K-NIGHT", extra: "retry_max_seconds = 1\nbatch_size = 64"))
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-NIGHT")
        // A night's worth of events, spread over twelve hours of kiosk time.
        let evening = Date(timeIntervalSince1970: 1_767_000_000)
        for index in 0..<600 {
            try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String](), at: evening.addingTimeInterval(Double(index) * 72))
        }
        let failed = try await kioskd.kioskctl(["sync", "now"])
        #expect(failed.status == 1)
        #expect(failed.standardOutput.contains("Unable to reach the hall at \(hall.url)"), "\(failed.standardOutput)")
        #expect(failed.standardOutput.contains("601 events waiting"))

        try await hall.start()
        let database = HallDatabase(path: hall.databasePath)
        // No `sync now`: the retry timer alone must bring everything over.
        #expect(try await eventually { try database.events(kioskID: "K-NIGHT").count == 601 })
        let expected = try await journal.events(limit: 1000).map { HallDatabase.StoredEvent(sequence: $0.sequence, id: $0.id.uuidString) }
        #expect(try database.events(kioskID: "K-NIGHT") == expected)
        #expect(try await eventually { try await journal.counts().unsynced == 0 })
        try journal.close()
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }

    /// Should say plainly that sync is disabled when kioskd.toml has no [sync] table
    @Test func syncStatusWhenDisabled() async throws {
        let kioskd = try await KioskdInstance()
        let result = try await kioskd.kioskctl(["sync", "status"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Sync: disabled (no [sync] table in kioskd.toml"))
        let now = try await kioskd.kioskctl(["sync", "now"])
        #expect(now.status == 1)
        #expect(await kioskd.stop() == 0)
    }
}
