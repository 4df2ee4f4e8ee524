import Foundation
import Journal
import KioskTestSupport
import Testing

/// Command lines and files at the sync's edges: clear errors, nothing half-done.
struct SyncBoundaryTests {
    /// Should stop kioskd with exit 78 and a message naming the missing certificate and the fix
    @Test func missingCredentialsStopKioskd() async throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("kioskd.toml", """
            kiosk_id = "K-NOCERT"
            hall_url = "https://127.0.0.1:9"
            state_directory = "state"
            control_socket = "control.sock"
            [sync]
            client_certificate = "missing.pem"
            client_key = "missing-key.pem"
            hall_ca = "hall-ca.pem"
            """)
        let result = try await runToCompletion(BuiltExecutable.path("kioskd"), ["--config", config], in: directory.path)
        #expect(result.status == 78)
        #expect(result.standardError.contains("Unable to load the sync credentials named in [sync] of '\(config)'"))
        #expect(result.standardError.contains("kiosk-hall enroll K-NOCERT"))
    }

    /// Should refuse to enroll a kiosk id kioskd would not accept, writing nothing
    @Test func enrollRefusesBadKioskID() async throws {
        let directory = try TemporaryDirectory()
        for bad in ["", "K 1", "K/../1", String(repeating: "K", count: 33)] {
            let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["enroll", bad, "--state-directory", directory.file("state"), "--output", directory.file("out")], in: directory.path)
            #expect(result.status == 64, "'\(bad)'")
            #expect(result.standardError.contains("A kiosk id is 1 to 32 letters, digits, '-' or '_'"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
        #expect(!FileManager.default.fileExists(atPath: directory.file("state")))
    }

    /// Should fail, naming the file, when the kiosk's private key cannot be written (here a
    /// directory stands where the key file goes), instead of printing "Enrolled"
    @Test func enrollFailsWhenTheKeyCannotBeWritten() async throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("out/K-1-key.pem"), withIntermediateDirectories: true)
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["enroll", "K-1", "--state-directory", directory.file("state"), "--output", directory.file("out")], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot write the kiosk's private key '\(directory.file("out/K-1-key.pem"))'"), "\(result.standardError)")
        #expect(!result.standardOutput.contains("Enrolled"))
    }

    /// Should refuse bad serve options with a usage error (exit 64)
    @Test func serveRefusesBadOptions() async throws {
        let directory = try TemporaryDirectory()
        for arguments in [["--port", "70000"], ["--port", "http"], ["--log-level", "loud"]] {
            let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["serve", "--state-directory", directory.file("state")] + arguments, in: directory.path)
            #expect(result.status == 64, "\(arguments)")
        }
    }

    /// Should keep the journal under max_journal_megabytes by pruning the oldest synced events,
    /// whatever their age
    @Test func boundsTheJournalSize() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-SIZE")
        try await hall.start()
        let kioskd = try await KioskdInstance(kioskID: "K-SIZE", extraConfig: hall.syncTable(for: "K-SIZE", extra: "max_journal_megabytes = 1"), hallURL: hall.url)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-SIZE")
        // kioskd's first sync (of its start) first, so that it prunes nothing while we fill.
        for _ in 0..<600 where try await journal.counts().unsynced > 0 {
            try await Task.sleep(for: .milliseconds(100))
        }
        let filler = String(repeating: "x", count: 10_000)
        for _ in 0..<300 { try await journal.append(JournalEventKind(rawValue: "form.printed"), payload: ["form": filler]) }
        #expect(try await journal.usedBytes() > 2 * 1024 * 1024)
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 0)
        #expect(try await journal.usedBytes() <= 1024 * 1024)
        let counts = try await journal.counts()
        #expect(counts.unsynced == 0)
        #expect(counts.total < 301)
        #expect(try HallDatabase(path: hall.databasePath).events(kioskID: "K-SIZE").count == 301)
        try journal.close()
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }

    /// Should prune synced events once their retention period is over, and never unsynced ones
    @Test func prunesSyncedEventsPastRetention() async throws {
        let hall = try HallInstance()
        try await hall.enroll("K-PRUNE")
        let kioskd = try await KioskdInstance(kioskID: "K-PRUNE", extraConfig: hall.syncTable(for: "K-PRUNE", extra: "retention_days = 0\nretry_max_seconds = 1"), hallURL: hall.url)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-PRUNE")
        for _ in 0..<20 { try await journal.append(JournalEventKind(rawValue: "session.started"), payload: [String: String]()) }
        // Hall down: nothing may be pruned.
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 1)
        #expect(try await journal.counts().total == 21)

        try await hall.start()
        #expect(try await kioskd.kioskctl(["sync", "now"]).status == 0)
        let counts = try await journal.counts()
        #expect(counts.total == 0)
        #expect(counts.lastSequence == 21)
        #expect(try HallDatabase(path: hall.databasePath).events(kioskID: "K-PRUNE").count == 21)
        let status = try await kioskd.kioskctl(["sync", "status"])
        #expect(status.standardOutput.contains("21 synced events pruned since start"), "\(status.standardOutput)")
        try journal.close()
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }
}
