import Foundation
import HallProtocol
import KioskTestSupport
import Testing

/// The morning report of a seeded day, counted independently here.
@Suite(.serialized) struct MorningReportTests {
    typealias Caller = HallRefusalTests.Caller

    /// A day's events at one kiosk, in order; times are UTC on 2026-03-02 unless `day` says otherwise.
    struct Seed {
        var kind: String
        var payload: String
        var day = 2
        var hour: Int
        var minute = 0
    }

    static let seedA: [Seed] = [
        Seed(kind: "session.started", payload: "{}", day: 1, hour: 23),  // the evening before: not counted
        Seed(kind: "ticket.issued", payload: #"{"category":"A"}"#, day: 1, hour: 23, minute: 5),
        Seed(kind: "session.started", payload: "{}", hour: 1),
        Seed(kind: "service.used", payload: #"{"service":"housing-fund"}"#, hour: 1, minute: 1),
        Seed(kind: "ticket.issued", payload: #"{"category":"B","number":"B001"}"#, hour: 1, minute: 2),
        Seed(kind: "rating.given", payload: #"{"level":5}"#, hour: 1, minute: 3),
        Seed(kind: "device.fault", payload: #"{"device":"receipt-printer","fault":"paper out"}"#, hour: 2),
        Seed(kind: "session.started", payload: "{}", hour: 3),
        Seed(kind: "form.printed", payload: #"{"form":"cold-drink-shop"}"#, hour: 3, minute: 10),
        Seed(kind: "rating.given", payload: #"{"level":2}"#, hour: 3, minute: 11),
        Seed(kind: "complaint.filed", payload: #"{"topic":"printer <out>","phone_masked":"138****1234"}"#, hour: 3, minute: 12),
        Seed(kind: "device.recovered", payload: #"{"device":"receipt-printer"}"#, hour: 4, minute: 30),
        Seed(kind: "session.started", payload: "{}", hour: 3, minute: 40),
        Seed(kind: "ticket.issued", payload: #"{"category":"A"}"#, hour: 3, minute: 41),
        Seed(kind: "kiosk.started", payload: #"{"version":"0.1.0"}"#, hour: 5),
        Seed(kind: "session.started", payload: "{}", day: 3, hour: 0, minute: 1),  // the next day: not counted
    ]

    static let seedB: [Seed] = [
        Seed(kind: "session.started", payload: "{}", hour: 22),
        Seed(kind: "ticket.issued", payload: #"{"category":"A"}"#, hour: 22, minute: 1),
        Seed(kind: "rating.given", payload: #"{"level":4}"#, hour: 22, minute: 2),
        Seed(kind: "service.used", payload: #"{"service":"housing-fund"}"#, hour: 22, minute: 3),
        Seed(kind: "device.fault", payload: #"{"device":"card-reader","fault":"not connected"}"#, hour: 23),
    ]

    static func milliseconds(_ seed: Seed) -> Int64 {
        // 2026-03-02T00:00:00Z = 1772409600
        Int64(1_772_409_600 + (seed.day - 2) * 86400 + seed.hour * 3600 + seed.minute * 60) * 1000
    }

    static func batch(_ kioskID: String, _ seeds: [Seed]) -> EventBatch {
        EventBatch(kioskID: kioskID, events: seeds.enumerated().map { index, seed in
            WireEvent(sequence: Int64(index + 1), id: UUID().uuidString, kind: seed.kind, occurredAtMs: milliseconds(seed), payload: seed.payload)
        })
    }

    /// Independent counts: what the report must say for one kiosk's seed.
    struct Expected {
        var sessions = 0, tickets = 0, forms = 0, ratings = 0, satisfied = 0, complaints = 0, faults = 0
        var categories: [String: Int] = [:]

        init(_ seeds: [Seed]) {
            for seed in seeds where seed.day == 2 {
                switch seed.kind {
                case "session.started": sessions += 1
                case "ticket.issued":
                    tickets += 1
                    let category = seed.payload.contains(#""B""#) ? "B" : "A"
                    categories[category, default: 0] += 1
                case "form.printed": forms += 1
                case "rating.given":
                    ratings += 1
                    if seed.payload.contains("5") || seed.payload.contains("4") { satisfied += 1 }
                case "complaint.filed": complaints += 1
                case "device.fault": faults += 1
                default: break
                }
            }
        }
    }

    static func seededHall() async throws -> HallInstance {
        let hall = try await HallRefusalTests.makeHall(environment: ["TZ": "UTC"])
        let callerA = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let callerB = try Caller(hall: hall, credentials: hall.directory.file("K-B"), kioskID: "K-B")
        #expect(try await callerA.post(batch("K-A", seedA), kioskPath: "K-A").status == 200)
        #expect(try await callerB.post(batch("K-B", seedB), kioskPath: "K-B").status == 200)
        let heartbeat = Heartbeat(kioskID: "K-A", sentAtMs: 0, softwareVersion: "0.1.0", lastSequence: 23, unsyncedEvents: 7, devices: [])
        let answer = try await callerA.call(.POST, HallProtocol.heartbeatPath(kioskID: "K-A"), body: Array(try JSONEncoder().encode(heartbeat)))
        #expect(answer.status == 204)
        await callerA.shutdown()
        await callerB.shutdown()
        return hall
    }

    /// Should count sessions, tickets by category, forms, ratings and satisfaction, complaints,
    /// faults and backlog per kiosk and in total, for that day only (kiosk-hall report --csv)
    @Test func csvReportCountsTheDay() async throws {
        let hall = try await Self.seededHall()
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["report", "--date", "2026-03-02", "--csv", "--state-directory", hall.stateDirectory], environment: ["TZ": "UTC"], in: hall.directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        func row(_ kiosk: String) -> [String: String] {
            guard let fields = rows.first(where: { $0.count > 1 && $0[1] == kiosk }) else { return [:] }
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        let a = Expected(Self.seedA), b = Expected(Self.seedB)
        for (kiosk, expected) in [("K-A", a), ("K-B", b)] {
            let fields = row(kiosk)
            #expect(fields["sessions"] == "\(expected.sessions)", "\(kiosk)")
            #expect(fields["tickets"] == "\(expected.tickets)", "\(kiosk)")
            #expect(fields["forms_printed"] == "\(expected.forms)", "\(kiosk)")
            #expect(fields["ratings"] == "\(expected.ratings)", "\(kiosk)")
            #expect(fields["satisfied_ratings"] == "\(expected.satisfied)", "\(kiosk)")
            #expect(fields["complaints"] == "\(expected.complaints)", "\(kiosk)")
            #expect(fields["faults"] == "\(expected.faults)", "\(kiosk)")
            #expect(fields["tickets_by_category"] == expected.categories.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"))
        }
        #expect(row("K-A")["fault_seconds"] == "\(150 * 60)")  // paper out 02:00 to 04:30
        #expect(row("K-A")["unsynced_backlog"] == "7")
        #expect(row("K-A")["satisfaction_rate"] == "0.500")
        let total = row("Total")
        #expect(total["sessions"] == "\(a.sessions + b.sessions)")
        #expect(total["tickets"] == "\(a.tickets + b.tickets)")
        #expect(total["ratings"] == "\(a.ratings + b.ratings)")
        #expect(total["satisfied_ratings"] == "\(a.satisfied + b.satisfied)")
        #expect(total["services_used"] == "housing-fund=2")
        _ = await hall.stop()
    }

    /// Should serve the report as an escaped HTML page with the day's figures and the hourly
    /// chart, without a client certificate; a malformed date gets 400
    @Test func reportPage() async throws {
        let hall = try await Self.seededHall()
        let browser = try Caller(hall: hall, credentials: nil, kioskID: nil)
        let page = try await browser.call(.GET, "/report?date=2026-03-02")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Self-service zone, 2026-03-02</h1>"))
        #expect(page.body.contains("<meta name=\"viewport\""))
        #expect(page.body.contains("printer &lt;out&gt;"))
        #expect(!page.body.contains("printer <out>"))
        #expect(page.body.contains("138****1234"))
        #expect(page.body.contains("2 h 30 min"))
        #expect(page.body.contains("title=\"03:00 2\""))  // two sessions in the 3 o'clock hour at K-A
        #expect(page.body.contains("<b>50.0%</b>Satisfaction"))
        for bad in ["2026-13-01", "yesterday", "2026-02-30", "%3Cscript%3E"] {
            let answer = try await browser.call(.GET, "/report?date=\(bad)")
            #expect(answer.status == 400, "\(bad)")
            #expect(!answer.body.contains("<script>"))
        }
        await browser.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a malformed --date with a usage error
    @Test func reportCommandRefusesBadDate() async throws {
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["report", "--date", "03/02/2026", "--state-directory", directory.path], in: directory.path)
        #expect(result.status == 64)
        #expect(result.standardError.contains("The date must look like 2026-03-02"))
    }
}
