import Foundation
import HallProtocol
import Testing
@testable import HallServer

/// Counting rules of the morning report, on hand-made events.
struct MorningReportBuildTests {
    var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    func event(_ sequence: Int64, _ kind: String, _ payload: String, minute: Int64) -> (kioskID: String, event: WireEvent) {
        ("K-1", WireEvent(sequence: sequence, id: UUID().uuidString, kind: kind, occurredAtMs: (1_772_409_600 + minute * 60) * 1000, payload: payload))
    }

    /// Should pair a fault with the next recovery of the same device, and leave an unrecovered
    /// fault open
    @Test func faultsPairWithRecoveries() {
        let report = MorningReport.build(date: "2026-03-02", events: [
            event(1, "device.fault", #"{"device":"printer","fault":"paper out"}"#, minute: 10),
            event(2, "device.fault", #"{"device":"printer","fault":"paper out"}"#, minute: 20),  // still the same fault
            event(3, "device.fault", #"{"device":"reader","fault":"not connected"}"#, minute: 30),
            event(4, "device.recovered", #"{"device":"printer"}"#, minute: 70),
        ], kiosks: [], calendar: utc)
        #expect(report.total.faults.count == 2)
        #expect(report.total.faults[0].duration == 3600)
        #expect(report.total.faults[1].end == nil)
    }

    /// Should ignore ratings outside 1...5 and count 4 and 5 as satisfied
    @Test func ratingsAndSatisfaction() {
        let report = MorningReport.build(date: "2026-03-02", events: [
            event(1, "rating.given", #"{"level":5}"#, minute: 1),
            event(2, "rating.given", #"{"level":4}"#, minute: 2),
            event(3, "rating.given", #"{"level":1}"#, minute: 3),
            event(4, "rating.given", #"{"level":9}"#, minute: 4),
            event(5, "rating.given", #"{"level":"5"}"#, minute: 5),
        ], kiosks: [], calendar: utc)
        #expect(report.total.ratings == 3)
        #expect(report.total.satisfiedRatings == 2)
    }

    /// Should accept only real calendar dates as YYYY-MM-DD
    @Test func dateIntervals() {
        #expect(MorningReport.interval(of: "2026-03-02", calendar: utc)?.start == Date(timeIntervalSince1970: 1_772_409_600))
        for bad in ["2026-02-30", "2026-3-2", "20260302", "", "2026-03-02T00:00", "+026-01-01", "2026-+1-01", "２０２６-03-02"] {
            #expect(MorningReport.interval(of: bad, calendar: utc) == nil, "\(bad)")
        }
    }

    /// Should escape kiosk-provided text in the page and quote CSV fields
    @Test func escaping() {
        #expect(MorningReport.escape("<b>\"x\" & 'y'</b>") == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;")
        #expect(MorningReport.quote("a,b") == "\"a,b\"")
        #expect(MorningReport.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
