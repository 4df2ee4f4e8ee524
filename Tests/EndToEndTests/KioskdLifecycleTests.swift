import ControlProtocol
import Foundation
import Journal
import KioskTestSupport
import Testing

/// The real kioskd and kioskctl binaries, with a temporary configuration and state directory.
struct KioskdLifecycleTests {
    /// Should answer `kioskctl status --json` with the kiosk's identity and journal, then stop on
    /// SIGTERM within 2 s with exit 0, leaving a sound journal and no socket file
    @Test func statusThenCleanShutdown() async throws {
        let kioskd = try await KioskdInstance(kioskID: "K-0412")

        let result = try await kioskd.kioskctl(["status", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let status = try decoder.decode(DaemonStatus.self, from: Data(result.standardOutput.utf8))
        #expect(status.kioskID == "K-0412")
        #expect(status.configPath == kioskd.configPath)
        #expect(status.pid == kioskd.process.pid)
        #expect(status.version == "0.1.0")
        #expect(status.uptimeSeconds >= 0 && status.uptimeSeconds < 120)
        #expect(status.journal.path == kioskd.journalPath)
        #expect(status.journal.total == 1)  // kiosk.started
        #expect(status.journal.unsynced == 1)
        #expect(status.journal.oldestUnsyncedAgeSeconds != nil)
        #expect(status.devices.isEmpty)
        #expect(status.platform.freetypeVersion.hasPrefix("2."))

        let table = try await kioskd.kioskctl(["status"])
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("Kiosk: K-0412"))
        #expect(table.standardOutput.contains("Journal: 1 events, 1 waiting to sync"))

        let exitStatus = await kioskd.stop(timeout: .seconds(2))
        #expect(exitStatus == 0, "kioskd log:\n\(kioskd.process.standardError)")
        #expect(!FileManager.default.fileExists(atPath: kioskd.socketPath))

        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-0412")
        #expect(try await journal.integrityCheck() == ["ok"])
        let events = try await journal.events(limit: 10)
        #expect(events.map(\.kind) == [.kioskStarted, .kioskStopped])
        #expect(events[0].payload.contains("\"previous_stop\":\"first_start\""))
        try journal.close()
    }

    /// Should also stop cleanly on SIGINT (Ctrl-C in `make run`)
    @Test func sigintStopsCleanly() async throws {
        let kioskd = try await KioskdInstance()
        kioskd.process.signal(SIGINT)
        #expect(await kioskd.process.waitForExit(timeout: .seconds(2)) == 0)
    }

    /// Should record an unclean previous stop after kill -9, replacing the stale socket
    @Test func restartAfterKill9() async throws {
        let directory = try TemporaryDirectory()
        let first = try await KioskdInstance(directory: directory)
        first.process.signal(SIGKILL)
        _ = await first.process.waitForExit(timeout: .seconds(10))
        #expect(FileManager.default.fileExists(atPath: first.socketPath))  // left behind

        let second = try await KioskdInstance(directory: directory)
        #expect(try await second.kioskctl(["status"]).status == 0)
        #expect(await second.stop() == 0)
        let journal = try Journal(path: second.journalPath, kioskID: "K-TEST")
        let events = try await journal.events(limit: 10)
        #expect(events.map(\.kind) == [.kioskStarted, .kioskStarted, .kioskStopped])
        #expect(events[1].payload.contains("\"previous_stop\":\"unclean\""))
        #expect(try await journal.integrityCheck() == ["ok"])
        try journal.close()
    }

    /// Should refuse to start a second kioskd on a socket that answers, leaving the first serving
    @Test func secondInstanceIsRefused() async throws {
        let kioskd = try await KioskdInstance()
        let second = try await runToCompletion(BuiltExecutable.path("kioskd"), ["--config", kioskd.configPath], in: kioskd.directory.path)
        #expect(second.status == 1)
        #expect(second.standardError.contains("Another kioskd is already serving '\(kioskd.socketPath)'"))
        #expect(try await kioskd.kioskctl(["status"]).status == 0)
        #expect(await kioskd.stop() == 0)
    }

    /// Should tell the technician plainly that kioskd is not running, with the socket path, exit 69
    @Test func kioskctlWithoutDaemon() async throws {
        let directory = try TemporaryDirectory()
        let socket = directory.file("control.sock")
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["status", "--socket", socket], in: directory.path)
        #expect(result.status == 69)
        #expect(result.standardError.contains("kioskd is not running: nothing answers at '\(socket)'"))
        #expect(result.standardOutput.isEmpty)
    }
}
