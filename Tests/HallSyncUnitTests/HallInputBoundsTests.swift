import Foundation
import HallProtocol
import KioskValues
import Testing
@testable import HallServer

/// Numbers and text from kiosks, bounded where they are parsed: nothing a peer sends can make
/// the hall's arithmetic trap, and a full ID number is found however it is written.
struct HallInputBoundsTests {
    static func event(_ sequence: Int64, occurredAtMs: Int64 = 1_772_409_600_000, payload: String = "{}") -> WireEvent {
        WireEvent(sequence: sequence, id: UUID().uuidString, kind: "session.started", occurredAtMs: occurredAtMs, payload: payload)
    }

    static func refusal(_ batch: [WireEvent]) -> HallFailure? {
        do {
            try EventBatchValidator.validate(EventBatch(kioskID: "K-1", events: batch), certifiedKioskID: "K-1", pathKioskID: "K-1")
            return nil
        } catch {
            return error
        }
    }

    /// Should refuse sequences past 2^53 - 1 (Int64.max crashed the hall) and times outside 1970...9999
    @Test func sequencesAndTimesAreBounded() {
        for batch in [[Self.event(.max)], [Self.event(.max - 1), Self.event(.max)], [Self.event(HallProtocol.maximumSequence + 1)]] {
            #expect(Self.refusal(batch)?.body.message.contains("out of range") == true, "\(batch.map(\.sequence))")
        }
        #expect(Self.refusal([Self.event(.min)])?.body.message.contains("not positive") == true)
        #expect(Self.refusal([Self.event(HallProtocol.maximumSequence)]) == nil)
        #expect(Self.refusal([Self.event(1, occurredAtMs: .max)])?.body.message.contains("outside 1970 to 9999") == true)
        #expect(Self.refusal([Self.event(1, occurredAtMs: -1)])?.status == .unprocessableContent)
    }

    /// Should find a full ID number written with JSON escapes, in a key, in full-width digits or
    /// nested, and let masked numbers through
    @Test(arguments: [
        #"{"note":"\u0031\u0031\u0030\u0031\u0030\u0035\u0031\u0039\u0034\u0039\u0031\u0032\u0033\u0031\u0030\u0030\u0032\u0058"}"#,
        #"{"11010519491231002\u0058":1}"#,
        #"{"a":{"b":["x","证件 １１０１０５１９４９１２３１００２Ｘ"]}}"#,
        #"{"id":11010519491231002}"#.replacingOccurrences(of: "11010519491231002", with: "530622199001010020"),
    ])
    func idNumbersInDecodedValuesAreRefused(_ payload: String) {
        let refusal = Self.refusal([Self.event(1, payload: payload)])
        #expect(refusal?.body.message.contains("full ID number") == true, "\(payload)")
        #expect(refusal?.body.message.contains("11010519491231002X") == false)
    }

    /// Should refuse a kind that is a full ID number (the fuzzer found "11010519491231002x" accepted)
    @Test func idNumberAsKindIsRefused() {
        let event = WireEvent(sequence: 1, id: UUID().uuidString, kind: "11010519491231002x", occurredAtMs: 1_772_409_600_000, payload: "{}")
        #expect(Self.refusal([event])?.body.message.contains("malformed kind") == true)
    }

    @Test func maskedNumbersPass() {
        #expect(Self.refusal([Self.event(1, payload: #"{"id":"530622********0026","n":"\u0035\u0033"}"#)]) == nil)
    }

    static func heartbeat(lastSequence: Int64 = 10, unsynced: Int = 3, sentAtMs: Int64 = 1_772_409_600_000, devices: [DeviceState] = []) -> Heartbeat {
        Heartbeat(kioskID: "K-1", sentAtMs: sentAtMs, softwareVersion: "1.0", lastSequence: lastSequence, unsyncedEvents: unsynced, devices: devices)
    }

    /// Should refuse heartbeat numbers out of range (Int.max broke every later report), long texts
    /// and ID numbers in device errors
    @Test func heartbeatsAreBounded() throws {
        let refused: [(Heartbeat, String)] = [
            (Self.heartbeat(unsynced: .max), "unsyncedEvents"),
            (Self.heartbeat(unsynced: -1), "unsyncedEvents"),
            (Self.heartbeat(lastSequence: .max), "lastSequence"),
            (Self.heartbeat(sentAtMs: .max), "sentAtMs"),
            (Self.heartbeat(devices: [DeviceState(name: "reader", kind: "card_reader", state: "faulted", lastError: "card 11010519491231002X unreadable")]), "full ID number"),
            (Self.heartbeat(devices: [DeviceState(name: "reader", kind: "card_reader", state: "faulted", lastError: String(repeating: "e", count: 501))]), "at most 500"),
            (Self.heartbeat(devices: Array(repeating: DeviceState(name: "p", kind: "printer", state: "ready", lastError: nil), count: 65)), "at most 64"),
        ]
        for (heartbeat, message) in refused {
            #expect(throws: HallFailure.self) { try HeartbeatValidator.validate(heartbeat, certifiedKioskID: "K-1") }
            do { try HeartbeatValidator.validate(heartbeat, certifiedKioskID: "K-1") } catch { #expect(error.body.message.contains(message), "\(error.body.message)") }
        }
        try HeartbeatValidator.validate(Self.heartbeat(), certifiedKioskID: "K-1")
        // What kioskd sends is cut to fit.
        let long = DeviceState(name: String(repeating: "n", count: 100), kind: "printer", state: "ready", lastError: String(repeating: "e", count: 900)).fittedToProtocol
        try HeartbeatValidator.validate(Self.heartbeat(devices: [long]), certifiedKioskID: "K-1")
    }

    /// Should build the report from a database that already holds an Int.max backlog (written
    /// before heartbeats were bounded), leaving that backlog out, and add backlogs without trapping
    @Test func storedOutOfRangeBacklogDoesNotBreakTheReport() throws {
        let stored = String(decoding: try JSONEncoder().encode(Self.heartbeat(unsynced: .max)), as: UTF8.self)
        let fine = String(decoding: try JSONEncoder().encode(Self.heartbeat(unsynced: 7)), as: UTF8.self)
        let kiosks = [HallKioskRecord(kioskID: "K-1", contiguousSequence: 0, lastHeartbeat: stored),
                      HallKioskRecord(kioskID: "K-2", contiguousSequence: 0, lastHeartbeat: stored),
                      HallKioskRecord(kioskID: "K-3", contiguousSequence: 0, lastHeartbeat: fine)]
        let report = MorningReport.build(date: "2026-03-02", events: [], kiosks: kiosks, calendar: Calendar(identifier: .gregorian))
        #expect(report.kiosks.map(\.unsyncedBacklog) == [nil, nil, 7])
        #expect(report.total.unsyncedBacklog == 7)
        #expect(!report.csv().isEmpty && !report.html().isEmpty && !report.text().isEmpty)
        #expect(MorningReport.saturatingSum(.max, 1) == .max)
        #expect(MorningReport.saturatingSum(.min, -1) == .min)
        #expect(MorningReport.saturatingSum(2, 3) == 5)
    }

    /// Should keep kiosk-supplied text from starting a spreadsheet formula
    @Test(arguments: [("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "\"'+1\""), ("-2", "\"'-2\""), ("@SUM(A1)", "\"'@SUM(A1)\""), ("\tx", "\"'\tx\""), ("a=b", "a=b"), ("12", "12")])
    func csvCellsNeverStartAFormula(_ field: String, _ quoted: String) {
        #expect(MorningReport.quote(field) == quoted)
    }

    /// Should quote a formula-looking service id in the report's CSV
    @Test func reportCSVQuotesFormulas() {
        let events = [("K-1", WireEvent(sequence: 1, id: UUID().uuidString, kind: "service.used", occurredAtMs: 1_772_409_600_000, payload: #"{"service":"=cmd|'/c calc'!A1"}"#))]
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let csv = MorningReport.build(date: "2026-03-02", events: events, kiosks: [], calendar: utc).csv(timeZone: utc.timeZone)
        #expect(csv.contains("\"'=cmd|'/c calc'!A1=1\""), "\(csv)")
        #expect(!csv.contains(",=cmd"))
    }

    /// Should refuse imported bookings and case progress that kiosks could not use, or that hold
    /// a full ID number where a citizen's screen would show it
    @Test func importedRecordsAreChecked() {
        let holder = String(repeating: "ab", count: 32)
        let booking = Booking(code: "BK-1", holder: holder, date: "2026-12-01", category: "B", serviceID: "housing-fund-rent")
        #expect(ImportChecks.problem(in: booking) == nil)
        var coded = booking
        coded.code = "11010519491231002X"
        #expect(ImportChecks.problem(in: coded)?.contains("full ID number") == true)
        var hashless = booking
        hashless.holder = "530622199001010020"
        #expect(ImportChecks.problem(in: hashless)?.contains("keyed hash") == true)
        // Found by Fuzz/BookingsFuzzer.swift: full-width hex digits, and dates that only had three parts.
        var wideHolder = booking
        wideHolder.holder = String(repeating: "ａ", count: 64)
        #expect(ImportChecks.problem(in: wideHolder)?.contains("keyed hash") == true)
        for date in ["2026-13-01", "2026--1-01", "2026-02-30", "20261-2-01"] {
            var misdated = booking
            misdated.date = date
            #expect(ImportChecks.problem(in: misdated)?.contains("YYYY-MM-DD") == true, "\(date)")
        }

        let record = CaseProgress(caseNumber: "QJ-2026-000123", status: "ready for pickup", nextStep: "Collect at window 12", updatedAtMs: 1_772_409_600_000)
        #expect(ImportChecks.problem(in: record) == nil)
        let refused: [(CaseProgress, String)] = [
            (CaseProgress(caseNumber: "QJ 1", status: "ready", nextStep: "", updatedAtMs: 0), "caseNumber"),
            (CaseProgress(caseNumber: "QJ-1", status: "", nextStep: "", updatedAtMs: 0), "status"),
            (CaseProgress(caseNumber: "QJ-1", status: "ready", nextStep: "Bring ID １１０１０５１９４９１２３１００２Ｘ", updatedAtMs: 0), "full ID number"),
            (CaseProgress(caseNumber: "QJ-1", status: "ready", nextStep: "", updatedAtMs: .max), "updatedAtMs"),
        ]
        for (record, field) in refused {
            #expect(ImportChecks.problem(in: record)?.contains(field) == true, "\(record)")
        }
    }

    /// Should take only ASCII hex digits as a keyed hash (Character.isHexDigit also takes full-width ones)
    @Test func keyedHashesAreASCII() {
        #expect(PersonalData.isKeyedHash(String(repeating: "ab", count: 32)))
        #expect(PersonalData.isKeyedHash(String(repeating: "AB09", count: 16)))
        #expect(!PersonalData.isKeyedHash(String(repeating: "ａ", count: 64)))
        #expect(!PersonalData.isKeyedHash(String(repeating: "a", count: 63)))
        #expect(!PersonalData.isKeyedHash(String(repeating: "g", count: 64)))
    }
}
