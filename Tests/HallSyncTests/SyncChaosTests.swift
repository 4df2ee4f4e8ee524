import Foundation
import GRDB
import Journal
import KioskTestSupport
import Testing

/// Chaos: kioskd and kiosk-hall SIGKILLed at random moments while events are journaled, then the
/// hall must hold every journal event exactly once. `make test-chaos` runs it (KIOSKD_CHAOS=1);
/// `make test` skips it. The moments are random but seeded: the seed is printed, and
/// `KIOSKD_CHAOS_SEED=<seed> make test-chaos` replays the same schedule of kills, bursts and
/// pauses (the processes' own timing still varies from run to run).
///
/// Where the events come from: kioskd journals `kiosk.started` itself at every start (and so
/// during the chaos, between the other writer's events); the bulk comes from bursts of the
/// journal-crash-probe fixture appending to the same journal file while kioskd runs (a second
/// writer on the SQLite WAL, through the same `Journal` type the Flow uses), each burst ended by
/// SIGKILL mid-append. The Flow journals only what a citizen does on the screen, the card reader
/// and the scanner, at a person's pace, and no control command appends, so nothing else makes
/// thousands of events in a minute.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["KIOSKD_CHAOS"] == "1", "minutes of SIGKILLs: `make test-chaos` runs it (KIOSKD_CHAOS=1)"))
struct SyncChaosTests {
    static let syncExtra = "batch_size = 20\nheartbeat_seconds = 1\nretry_max_seconds = 1"

    /// Should end with the hall holding exactly the journal's events (same sequences and ids, no
    /// gaps, no duplicates), the kiosk's synced marks at the hall's contiguous sequence and never
    /// past it, and both databases sound, after 40 s of kioskd and kiosk-hall SIGKILLed at random
    /// moments: mid-burst, mid-batch, during start-up and right after it
    @Test func randomKillsWhileJournaling() async throws {
        let seed = Self.seed()
        print("SyncChaosTests.randomKillsWhileJournaling: seed \(seed) (replay: KIOSKD_CHAOS_SEED=\(seed) make test-chaos)")
        var random = SeededRandom(seed: seed)
        let kioskID = "K-CHAOS"
        let hall = try HallInstance()
        try await hall.enroll(kioskID)
        var hallStartUp = try await Self.timed { try await hall.start() }
        let directory = try TemporaryDirectory()
        let syncTable = hall.syncTable(for: kioskID, extra: Self.syncExtra)
        let started = ContinuousClock.now
        var kioskd = try await KioskdInstance(kioskID: kioskID, extraConfig: syncTable, directory: directory, hallURL: hall.url)
        // How long the last start took here: the kills during start-up land within about that.
        var kioskdStartUp = ContinuousClock.now - started
        var readyStarts = 1
        let journalPath = kioskd.journalPath
        let journal = try await Self.onOwnThread { try Journal(path: journalPath, kioskID: kioskID) }
        let bursts = Task { try await Self.appendBursts(journalPath: journalPath, kioskID: kioskID, directory: directory.path, seed: seed &+ 1) }
        var tally: [String: Int] = [:]
        var syncNows: [Task<Void, Never>] = []

        let end = ContinuousClock.now + .seconds(40)
        var step = 0
        while ContinuousClock.now < end {
            step += 1
            let context = "seed \(seed), step \(step)"
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...700, using: &random)))
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                kioskd.process.signal(SIGKILL)
                _ = await kioskd.process.waitForExit(timeout: .seconds(10))
                tally["kioskd killed", default: 0] += 1
                try await Self.expectMarksHeld(journal: journal, hall: hall, kioskID: kioskID, context)
                if Bool.random(using: &random) {
                    let killedEarly = try await Self.killDuringStartUp(BuiltExecutable.path("kioskd"), ["--config", kioskd.configPath], in: directory.path, after: kioskdStartUp * Double.random(in: 0...1.2, using: &random))
                    tally[killedEarly ? "kioskd killed starting" : "kioskd killed just after ready", default: 0] += 1
                    try await Self.expectMarksHeld(journal: journal, hall: hall, kioskID: kioskID, context)
                }
                kioskdStartUp = try await Self.timed { kioskd = try await KioskdInstance(kioskID: kioskID, extraConfig: syncTable, directory: directory, hallURL: hall.url) }
                readyStarts += 1
            case 4..<7:
                await hall.kill9()
                tally["hall killed", default: 0] += 1
                try await Self.expectMarksHeld(journal: journal, hall: hall, kioskID: kioskID, context)
                // Down for a moment: kioskd's rounds fail meanwhile and the bursts go on.
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...1500, using: &random)))
                if Bool.random(using: &random) {
                    let killedEarly = try await Self.killDuringStartUp(BuiltExecutable.path("kiosk-hall"), ["serve", "--state-directory", hall.stateDirectory, "--port", "\(hall.port)", "--log-level", "debug"],
                                                                       in: hall.directory.path, after: hallStartUp * Double.random(in: 0...1.2, using: &random))
                    tally[killedEarly ? "hall killed starting" : "hall killed just after listening", default: 0] += 1
                    try await Self.expectMarksHeld(journal: journal, hall: hall, kioskID: kioskID, context)
                }
                hallStartUp = try await Self.timed { try await hall.start() }
            case 7:
                // Both at once, in either order.
                let hallFirst = Bool.random(using: &random)
                if hallFirst { hall.process?.signal(SIGKILL) }
                kioskd.process.signal(SIGKILL)
                if !hallFirst { hall.process?.signal(SIGKILL) }
                await hall.kill9()
                _ = await kioskd.process.waitForExit(timeout: .seconds(10))
                tally["both killed", default: 0] += 1
                try await Self.expectMarksHeld(journal: journal, hall: hall, kioskID: kioskID, context)
                hallStartUp = try await Self.timed { try await hall.start() }
                kioskdStartUp = try await Self.timed { kioskd = try await KioskdInstance(kioskID: kioskID, extraConfig: syncTable, directory: directory, hallURL: hall.url) }
                readyStarts += 1
            default:
                // A technician's `sync now` at a random moment (the heartbeat starts rounds too).
                syncNows.append(Task { [kioskd] in _ = try? await kioskd.kioskctl(["sync", "now"]) })
                tally["sync now", default: 0] += 1
            }
        }
        bursts.cancel()
        let appended = try await bursts.value
        for task in syncNows { await task.value }
        let journaled = try await journal.counts().lastSequence
        print("SyncChaosTests.randomKillsWhileJournaling: seed \(seed), \(step) steps: \(tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); \(appended.bursts) bursts, \(journaled) events; last start-ups: kioskd \(kioskdStartUp), hall \(hallStartUp)")

        // Both sides up, nobody asks: the heartbeat and retry timer must bring everything over.
        let hallDatabase = HallDatabase(path: hall.databasePath)
        let delivered = try await eventually(timeout: .seconds(120)) {
            let counts = try await journal.counts()
            return try await Int64(Self.onOwnThread { try hallDatabase.eventCount() }) == counts.lastSequence && counts.unsynced == 0
        }
        #expect(delivered, "seed \(seed): the hall did not get the whole journal within 120 s")
        try await Self.expectExactlyOnce(journal: journal, hall: hall, kioskID: kioskID, appended: appended, readyStarts: readyStarts, "seed \(seed)")
        try await Self.onOwnThread { try journal.close() }
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }

    /// Should deliver the backlog journaled while the hall was stopped (a `sync now` failing
    /// meanwhile, kioskd SIGKILLed and restarted) once the hall is started again, by itself: no
    /// `sync now` after it returned
    @Test func backlogArrivesAfterTheHallWasDown() async throws {
        let seed = Self.seed()
        print("SyncChaosTests.backlogArrivesAfterTheHallWasDown: seed \(seed) (replay: KIOSKD_CHAOS_SEED=\(seed) make test-chaos)")
        var random = SeededRandom(seed: seed)
        let kioskID = "K-OUTAGE"
        let hall = try HallInstance()
        try await hall.enroll(kioskID)
        try await hall.start()
        let directory = try TemporaryDirectory()
        let syncTable = hall.syncTable(for: kioskID, extra: Self.syncExtra)
        var kioskd = try await KioskdInstance(kioskID: kioskID, extraConfig: syncTable, directory: directory, hallURL: hall.url)
        var readyStarts = 1
        let journalPath = kioskd.journalPath
        let journal = try await Self.onOwnThread { try Journal(path: journalPath, kioskID: kioskID) }
        let hallDatabase = HallDatabase(path: hall.databasePath)
        let bursts = Task { try await Self.appendBursts(journalPath: journalPath, kioskID: kioskID, directory: directory.path, seed: seed &+ 1) }

        // Syncing normally for a moment, then the hall is stopped mid-stream.
        try await Task.sleep(for: .milliseconds(Int.random(in: 500...3000, using: &random)))
        #expect(await hall.stop() == 0)
        let heldWhenStopped = try await Self.onOwnThread { try hallDatabase.eventCount() }
        let outage = ContinuousClock.now + .milliseconds(Int.random(in: 6000...12000, using: &random))
        let askAt = ContinuousClock.now + .milliseconds(Int.random(in: 250...1500, using: &random))
        let restartAt = ContinuousClock.now + .milliseconds(Int.random(in: 2000...5000, using: &random))
        var asked = false
        var restarted = false
        var marksHeld = true
        while ContinuousClock.now < outage {
            try await Task.sleep(for: .milliseconds(250))
            // Once is enough to report.
            if marksHeld { marksHeld = try await Self.expectMarksHeld(journal: journal, hall: hall, kioskID: kioskID, "seed \(seed), hall down") }
            if !asked, ContinuousClock.now >= askAt {
                // A technician tries while the hall is away: a round that fails, and says so.
                let now = try await kioskd.kioskctl(["sync", "now"])
                #expect(now.status == 1, "seed \(seed): \(now.standardOutput)")
                #expect(now.standardOutput.contains("Unable to reach the hall at \(hall.url)"), "seed \(seed): \(now.standardOutput)")
                asked = true
            }
            if !restarted, ContinuousClock.now >= restartAt {
                // kioskd dies with the hall away; the new one journals its start and carries on.
                kioskd.process.signal(SIGKILL)
                _ = await kioskd.process.waitForExit(timeout: .seconds(10))
                kioskd = try await KioskdInstance(kioskID: kioskID, extraConfig: syncTable, directory: directory, hallURL: hall.url)
                readyStarts += 1
                restarted = true
            }
        }
        let backlog = try await journal.counts()
        #expect(backlog.unsynced > 0, "seed \(seed): nothing was journaled while the hall was down")
        #expect(try await Self.onOwnThread { try hallDatabase.eventCount() } == heldWhenStopped)

        // The hall returns; the bursts go on a little longer. Nobody runs `sync now`.
        try await hall.start()
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...2000, using: &random)))
        bursts.cancel()
        let appended = try await bursts.value
        print("SyncChaosTests.backlogArrivesAfterTheHallWasDown: seed \(seed): \(backlog.unsynced) events waiting when the hall came back; \(appended.bursts) bursts")
        let delivered = try await eventually(timeout: .seconds(120)) {
            let counts = try await journal.counts()
            return try await Int64(Self.onOwnThread { try hallDatabase.eventCount() }) == counts.lastSequence && counts.unsynced == 0
        }
        #expect(delivered, "seed \(seed): the backlog did not arrive within 120 s of the hall's return")
        try await Self.expectExactlyOnce(journal: journal, hall: hall, kioskID: kioskID, appended: appended, readyStarts: readyStarts, "seed \(seed)")
        try await Self.onOwnThread { try journal.close() }
        #expect(await kioskd.stop() == 0)
        _ = await hall.stop()
    }
}

extension SyncChaosTests {
    /// KIOSKD_CHAOS_SEED if set (to replay a failure), otherwise a fresh one.
    static func seed() -> UInt64 {
        ProcessInfo.processInfo.environment["KIOSKD_CHAOS_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
    }

    /// SplitMix64: the same seed gives the same sequence of choices.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What the bursts appended: every sequence a probe printed after `append` returned (so on
    /// disk before the kill), and the probes that ended some other way than by the test's SIGKILL.
    struct Appended: Sendable {
        var bursts = 0
        var acknowledged: Set<Int64> = []
        var failures: [String] = []
    }

    /// Runs journal-crash-probe for bursts of 20-400 ms, each ended by SIGKILL wherever the probe
    /// is (opening the journal, inside an append, between two), with pauses of up to 300 ms, until
    /// cancelled.
    static func appendBursts(journalPath: String, kioskID: String, directory: String, seed: UInt64) async throws -> Appended {
        var random = SeededRandom(seed: seed)
        var appended = Appended()
        while !Task.isCancelled {
            let probe = try ChildProcess(BuiltExecutable.path("journal-crash-probe"), [journalPath, kioskID], outputDirectory: directory, label: "probe")
            try? await Task.sleep(for: .milliseconds(Int.random(in: 20...400, using: &random)))
            let stillRunning = probe.process.isRunning
            probe.signal(SIGKILL)
            _ = await probe.waitForExit(timeout: .seconds(10))
            appended.bursts += 1
            for line in probe.standardOutput.split(separator: "\n") where line.hasPrefix("appended ") {
                if let sequence = Int64(line.dropFirst("appended ".count)) { appended.acknowledged.insert(sequence) }
            }
            if !stillRunning { appended.failures.append("probe exited with \(probe.process.terminationStatus): \(probe.standardError)") }
            try? FileManager.default.removeItem(atPath: probe.standardOutputPath)
            try? FileManager.default.removeItem(atPath: probe.standardErrorPath)
            try? await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &random)))
        }
        return appended
    }

    static func timed(_ body: () async throws -> Void) async throws -> Duration {
        let start = ContinuousClock.now
        try await body()
        return ContinuousClock.now - start
    }

    /// Starts `executable` (nothing else of its kind running) and SIGKILLs it `after` the delay:
    /// true if it was still starting then (kioskd had not logged "kioskd ready", the hall had not
    /// printed that it listens).
    static func killDuringStartUp(_ executable: String, _ arguments: [String], in directory: String, after delay: Duration) async throws -> Bool {
        let child = try ChildProcess(executable, arguments, outputDirectory: directory, label: (executable as NSString).lastPathComponent + "-early")
        try await Task.sleep(for: delay)
        child.signal(SIGKILL)
        _ = await child.waitForExit(timeout: .seconds(10))
        return !child.standardError.contains("kioskd ready") && !child.standardOutput.contains("kiosk-hall listening on")
    }

    /// The kiosk marks an event synced only once the hall has stored it, so its highest synced
    /// sequence never exceeds the hall's highest contiguous one. The kiosk is read first: what the
    /// hall holds only grows meanwhile.
    @discardableResult
    static func expectMarksHeld(journal: Journal, hall: HallInstance, kioskID: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Bool {
        let synced = try await journal.highestSyncedSequence() ?? 0
        let path = hall.databasePath
        let contiguous = try await onOwnThread { try HallView(path: path).contiguousSequence(kioskID: kioskID) }
        #expect(synced <= contiguous, "\(context): the kiosk marked events up to \(synced) synced, but the hall holds only 1...\(contiguous)", sourceLocation: sourceLocation)
        return synced <= contiguous
    }

    /// The end state: the hall holds the journal exactly, the marks agree, both files are sound.
    static func expectExactlyOnce(journal: Journal, hall: HallInstance, kioskID: String, appended: Appended, readyStarts: Int, _ context: String) async throws {
        let counts = try await journal.counts()
        let events = try await journal.events(limit: 1_000_000)
        let expected = events.map { HallDatabase.StoredEvent(sequence: $0.sequence, id: $0.id.uuidString) }
        let path = hall.databasePath
        let view = HallView(path: path)
        let stored = try await onOwnThread { try HallDatabase(path: path).events(kioskID: kioskID) }
        // Nothing pruned (retention is days): the journal itself has every sequence once.
        #expect(expected.map(\.sequence) == Array(1...counts.lastSequence), "\(context): the journal has gaps")
        #expect(stored.count == expected.count, "\(context): the hall holds \(stored.count) events, the journal \(expected.count)")
        // The first difference, not two arrays of thousands of events.
        let difference = zip(stored, expected).first { $0 != $1 }
        #expect(difference == nil, "\(context): the hall holds \(difference.map { "\($0.0)" } ?? "") where the journal holds \(difference.map { "\($0.1)" } ?? "")")
        #expect(Set(stored.map(\.sequence)).count == stored.count, "\(context): duplicates at the hall")

        let hallContiguous = try await onOwnThread { try view.contiguousSequence(kioskID: kioskID) }
        let hallMark = try await onOwnThread { try view.acknowledgedSequence(kioskID: kioskID) }
        #expect(hallContiguous == counts.lastSequence, "\(context)")
        #expect(hallMark == counts.lastSequence, "\(context): the hall's own contiguous mark")
        #expect(try await journal.highestSyncedSequence() == hallContiguous, "\(context): the kiosk's synced marks")
        #expect(counts.unsynced == 0, "\(context)")

        // Both writers' events arrived: each acknowledged probe append, each start kioskd journaled.
        let held = Set(stored.map(\.sequence))
        #expect(appended.acknowledged.isSubset(of: held), "\(context): \(appended.acknowledged.subtracting(held).count) appends the probe saw return are missing")
        #expect(appended.acknowledged.count > 100, "\(context): the bursts appended only \(appended.acknowledged.count) events")
        #expect(appended.failures.isEmpty, "\(context): \(appended.failures.joined(separator: "\n"))")
        let starts = try await onOwnThread { try view.count(kioskID: kioskID, kind: "kiosk.started") }
        #expect(starts >= readyStarts, "\(context): \(readyStarts) kioskd runs got ready, the hall holds \(starts) kiosk.started")

        #expect(try await onOwnThread { try view.integrityCheck() } == ["ok"], "\(context): the hall's database")
        #expect(try await journal.integrityCheck() == ["ok"], "\(context): the journal")
    }

    /// Runs `body`, which blocks (opening SQLite files, reading them without GRDB's queues), on a
    /// thread of its own: the Swift pool has two threads on a 2-core machine.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result(catching: body)) }.start()
        }
    }

    /// The hall's tables as this test needs them, beyond `HallDatabase` (read-only).
    struct HallView: Sendable {
        let path: String

        /// The highest n with every event 1...n stored, counted from the events themselves.
        func contiguousSequence(kioskID: String) throws -> Int64 {
            let sequences = try read { db in try Int64.fetchAll(db, sql: "SELECT sequence FROM event WHERE kiosk_id = ? ORDER BY sequence", arguments: [kioskID]) }
            var contiguous: Int64 = 0
            for sequence in sequences {
                guard sequence == contiguous + 1 else { break }
                contiguous = sequence
            }
            return contiguous
        }

        /// The hall's own mark, what it acknowledges to the kiosk.
        func acknowledgedSequence(kioskID: String) throws -> Int64 {
            try read { db in try Int64.fetchOne(db, sql: "SELECT contiguous_sequence FROM kiosk WHERE kiosk_id = ?", arguments: [kioskID]) ?? -1 }
        }

        func count(kioskID: String, kind: String) throws -> Int {
            try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kiosk_id = ? AND kind = ?", arguments: [kioskID, kind]) ?? 0 }
        }

        func integrityCheck() throws -> [String] {
            try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        }

        private func read<T>(_ body: (Database) throws -> T) throws -> T {
            var configuration = GRDB.Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read(body)
        }
    }
}
