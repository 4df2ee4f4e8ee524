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
        let kioskd = try await KioskdInstance(kioskID: "K-FLOW", extraConfig: hall.syncTable(for: "K-FLOW", extra: "heartbeat_seconds = 1"), hallURL: hall.url)

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
        let kioskd = try await KioskdInstance(kioskID: "K-BEAT", extraConfig: hall.syncTable(for: "K-BEAT", extra: "heartbeat_seconds = 1"), hallURL: hall.url)
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
        let kioskd = try await KioskdInstance(kioskID: "K-NIGHT", extraConfig: hall.syncTable(for: "K-NIGHT", extra: "retry_max_seconds = 1\nbatch_size = 64"), hallURL: hall.url)
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
        // In order: no event arrived before one with a lower sequence.
        let received = try database.receivedTimes(kioskID: "K-NIGHT")
        #expect(received == received.sorted())
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

/// kill -9 of either side in the middle of syncing, repeated: exactly-once in effect.
@Suite(.serialized) struct SyncCrashTests {
    /// Should end with the hall holding exactly the events the kiosk journaled (same sequences,
    /// same ids, no gaps, no duplicates) after kioskd and kiosk-hall were each SIGKILLed
    /// mid-sync several times
    @Test func killNineDuringSync() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-KILL")
        try await hall.start()
        let directory = try TemporaryDirectory()
        let syncTable = hall.syncTable(for: "K-KILL", extra: "batch_size = 20\nheartbeat_seconds = 1\nretry_max_seconds = 1")
        var kioskd = try await KioskdInstance(kioskID: "K-KILL", extraConfig: syncTable, directory: directory, hallURL: hall.url)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-KILL")

        for round in 0..<8 {
            for index in 0..<600 {
                try await journal.append(JournalEventKind(rawValue: "service.used"), payload: ["service": "s\(round)-\(index)"])
            }
            // Start a round of batches, then kill one side while it runs.
            let pushing = Task { [kioskd] in try? await kioskd.kioskctl(["sync", "now"]) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 5...150)))
            if round.isMultiple(of: 2) {
                kioskd.process.signal(SIGKILL)
                _ = await kioskd.process.waitForExit(timeout: .seconds(10))
                _ = await pushing.value
                kioskd = try await KioskdInstance(kioskID: "K-KILL", extraConfig: syncTable, directory: directory, hallURL: hall.url)
            } else {
                await hall.kill9()
                _ = await pushing.value
                try await hall.start()
            }
        }

        // Both sides up: everything must arrive, once.
        let delivered = try await eventually {
            let result = try await kioskd.kioskctl(["sync", "now"])
            let unsynced = try await journal.counts().unsynced
            return result.status == 0 && unsynced == 0
        }
        #expect(delivered)
        let database = HallDatabase(path: hall.databasePath)
        let expected = try await journal.events(limit: 10_000).map { HallDatabase.StoredEvent(sequence: $0.sequence, id: $0.id.uuidString) }
        let stored = try database.events(kioskID: "K-KILL")
        #expect(stored.count == expected.count)
        #expect(stored == expected)
        #expect(stored.map(\.sequence) == Array(1...Int64(stored.count)))
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try await journal.integrityCheck() == ["ok"])
        try journal.close()
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }
}

/// The catalog flows down and is cached for when the network is down.
@Suite(.serialized) struct CatalogSyncTests {
    /// Should fetch the hall's catalog into the state directory and show its version in sync status
    @Test func catalogIsCachedOnTheKiosk() async throws {
        let directory = try TemporaryDirectory()
        let catalog = try directory.write("catalog.json", #"{"version":9,"services":[{"id":"fund","name":"公积金提取","location":"2F B 12","ticketCategory":"B"}],"ticketCategories":[{"prefix":"B","name":"公积金"}]}"#)
        let hall = try HallInstance(extraArguments: ["--catalog", catalog])
        try await hall.enroll("K-CAT")
        try await hall.start()
        let kioskd = try await KioskdInstance(kioskID: "K-CAT", extraConfig: hall.syncTable(for: "K-CAT"), hallURL: hall.url)
        let cached = kioskd.stateDirectory + "/catalog.json"
        // The ETag is written last, then the status updated.
        #expect(try await eventually { try await kioskd.kioskctl(["sync", "status"]).standardOutput.contains("Catalog: version 9, fetched") })
        #expect(try String(contentsOfFile: cached, encoding: .utf8).contains("公积金提取"))
        #expect(try String(contentsOfFile: kioskd.stateDirectory + "/catalog.etag", encoding: .utf8).hasPrefix("\""))
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }
}

/// The hall's database restored from an older backup: the kiosk re-sends what the hall lost.
@Suite(.serialized) struct ReconciliationTests {
    static func copyDatabase(_ hall: HallInstance, to folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: hall.databasePath + suffix) {
            try FileManager.default.copyItem(atPath: hall.databasePath + suffix, toPath: folder + "/hall.sqlite" + suffix)
        }
    }

    static func restoreDatabase(_ hall: HallInstance, from folder: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: hall.databasePath + suffix)
            if FileManager.default.fileExists(atPath: folder + "/hall.sqlite" + suffix) {
                try FileManager.default.copyItem(atPath: folder + "/hall.sqlite" + suffix, toPath: hall.databasePath + suffix)
            }
        }
    }

    /// Should, when kioskd starts and finds the hall holding fewer events than it acknowledged,
    /// send the missing ones again so that the hall ends with every event exactly once
    @Test func resendsWhatARestoredHallLost() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-REC")
        try await hall.start()
        let directory = try TemporaryDirectory()
        let syncTable = hall.syncTable(for: "K-REC", extra: "retry_max_seconds = 1")
        var kioskd = try await KioskdInstance(kioskID: "K-REC", extraConfig: syncTable, directory: directory, hallURL: hall.url)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-REC")
        for _ in 0..<30 { try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String]()) }
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 0)
        #expect(await hall.stop() == 0)
        try Self.copyDatabase(hall, to: directory.file("backup"))

        try await hall.start()
        for _ in 0..<30 { try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String]()) }
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 0)
        #expect(try await journal.counts().unsynced == 0)
        #expect(await hall.stop() == 0)

        // The hall's disk dies; last night's backup comes back.
        try Self.restoreDatabase(hall, from: directory.file("backup"))
        try await hall.start()
        let database = HallDatabase(path: hall.databasePath)
        #expect(try database.events(kioskID: "K-REC").count == 31)

        #expect(await kioskd.stop() == 0)
        kioskd = try await KioskdInstance(kioskID: "K-REC", extraConfig: syncTable, directory: directory, hallURL: hall.url)
        let delivered = try await eventually {
            _ = try await kioskd.kioskctl(["sync", "now"])
            let unsynced = try await journal.counts().unsynced
            return try database.events(kioskID: "K-REC").count == 63 && unsynced == 0
        }
        #expect(delivered)
        let expected = try await journal.events(limit: 1000).map { HallDatabase.StoredEvent(sequence: $0.sequence, id: $0.id.uuidString) }
        #expect(try database.events(kioskID: "K-REC") == expected)
        try journal.close()
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }

    /// Should, when the hall lost events this kiosk already pruned, send what it still holds
    /// once, log the gap, and not loop re-sending the same events
    @Test func unfillableGapDoesNotLoop() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-GAP")
        try await hall.start()
        let directory = try TemporaryDirectory()
        let kioskd = try await KioskdInstance(kioskID: "K-GAP", extraConfig: hall.syncTable(for: "K-GAP", extra: "retention_days = 0\nretry_max_seconds = 1"), directory: directory, hallURL: hall.url)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-GAP")
        for _ in 0..<10 { try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String]()) }
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 0)
        #expect(await hall.stop() == 0)
        try Self.copyDatabase(hall, to: directory.file("backup"))
        try await hall.start()
        for _ in 0..<10 { try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String]()) }
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 0)
        #expect(try await journal.counts().total == 0)  // all synced and pruned (retention 0)
        #expect(await hall.stop() == 0)
        try Self.restoreDatabase(hall, from: directory.file("backup"))  // the hall loses events 12...21
        try await hall.start()

        for _ in 0..<5 { try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String]()) }
        let now = try await kioskd.kioskctl(["sync", "now"])
        #expect(now.status == 0, "\(now.standardOutput)")
        #expect(try await journal.counts().unsynced == 0)
        let held = try HallDatabase(path: hall.databasePath).events(kioskID: "K-GAP").map(\.sequence)
        #expect(held == Array(1...11) + Array(22...26))
        let log = kioskd.process.standardError
        #expect(log.contains("The hall lacks event 12, which this kiosk already pruned"))
        try journal.close()
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }
}
