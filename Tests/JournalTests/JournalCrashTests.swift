import Foundation
import Journal
import KioskTestSupport
import Testing

/// A process killed with SIGKILL right after `append` returned: every event it reported is in
/// the journal, numbered without gaps, and the file passes SQLite's integrity check.
struct JournalCrashTests {
    @Test(arguments: [1, 7, 40])
    func appendsSurviveKill9(after count: Int) async throws {
        let directory = try TemporaryDirectory("journal-crash")
        let path = directory.file("journal.sqlite")
        let probe = try ChildProcess(BuiltExecutable.path("journal-crash-probe"), [path, "K-CRASH"], outputDirectory: directory.path)

        // Wait until the probe has reported `count` appends, then kill it on the spot. The bound
        // only catches a hang: each append waits for fsync, which a disk busy with a parallel
        // build can hold for many seconds.
        let deadline = ContinuousClock.now + .seconds(180)
        var reported: [Int64] = []
        while reported.count < count, ContinuousClock.now < deadline {
            reported = probe.standardOutput.split(separator: "\n").compactMap { line in
                line.hasPrefix("appended ") ? Int64(line.dropFirst("appended ".count)) : nil
            }
            if reported.count < count { try await Task.sleep(for: .milliseconds(1)) }
        }
        probe.signal(SIGKILL)
        #expect(await probe.waitForExit(timeout: .seconds(10)) != nil)
        try #require(reported.count >= count, "the probe reported \(reported.count) appends: \(probe.standardError)")

        let journal = try Journal(path: path, kioskID: "K-CRASH")
        let stored = try await journal.events(limit: 100_000).map(\.sequence)
        // Everything reported is there; the probe may have committed one more it had no time to print.
        #expect(Array(stored.prefix(reported.count)) == reported)
        #expect(stored == Array(1...Int64(stored.count)))
        #expect(try await journal.integrityCheck() == ["ok"])
        try journal.close()
    }
}
