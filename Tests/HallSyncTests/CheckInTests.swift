import Foundation
import HallProtocol
import HallSync
import KioskTestSupport
import Testing

/// Booking check-in: bookings imported with `kiosk-hall import-bookings`, checked in by kioskd's
/// HallClient against the real kiosk-hall.
@Suite(.serialized) struct CheckInTests {
    static let holder = String(repeating: "ab", count: 32)
    static let bookings = """
        [{"code": "BK-1", "holder": "\(holder)", "date": "2026-12-01", "category": "B", "serviceID": "housing-fund-rent"},
         {"code": "BK-2", "holder": "\(String(repeating: "cd", count: 32))", "date": "2026-12-01", "category": "B", "serviceID": "housing-fund-buy"},
         {"code": "BK-3", "holder": "\(holder)", "date": "2026-12-02", "category": "A", "serviceID": "cold-drink-shop"}]
        """

    static func importBookings(_ hall: HallInstance, _ text: String) async throws -> (status: Int32, standardOutput: String, standardError: String) {
        let file = try hall.directory.write("bookings-\(UUID().uuidString).json", text)
        return try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["import-bookings", "--state-directory", hall.stateDirectory, file], in: hall.directory.path)
    }

    /// Should give a booking found by its code or its holder's hash the next priority number of its
    /// category on its own day, the same number when checked in again, and nothing on another day
    @Test func checksInByCodeOrHolder() async throws {
        let hall = try await CounterTests.hall()
        #expect(try await Self.importBookings(hall, Self.bookings).status == 0)
        let kiosk = try CounterTests.client(hall, "K-A")
        let second = try await kiosk.checkIn(code: "BK-2", holder: nil, forDate: "2026-12-01", requestID: UUID().uuidString)
        #expect(second?.number == "YB001" && second?.serviceID == "housing-fund-buy" && second?.ahead == 0)
        let first = try await kiosk.checkIn(code: nil, holder: Self.holder, forDate: "2026-12-01", requestID: UUID().uuidString)
        #expect(first?.number == "YB002" && first?.serviceID == "housing-fund-rent" && first?.ahead == 1)
        let again = try await kiosk.checkIn(code: "BK-1", holder: nil, forDate: "2026-12-01", requestID: UUID().uuidString)
        #expect(again?.number == "YB002", "a second check-in of the same booking keeps its number")
        #expect(try await kiosk.checkIn(code: "BK-3", holder: nil, forDate: "2026-12-01", requestID: UUID().uuidString) == nil, "BK-3 is for tomorrow")
        #expect(try await kiosk.checkIn(code: "BK-404", holder: nil, forDate: "2026-12-01", requestID: UUID().uuidString) == nil)
        await kiosk.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a check-in with both or neither key, a holder that is not a hash (an ID
    /// number), a bad date or request id with 422, checking nothing in
    @Test func refusals() async throws {
        let hall = try await CounterTests.hall()
        #expect(try await Self.importBookings(hall, Self.bookings).status == 0)
        let kiosk = try CounterTests.client(hall, "K-A")
        let bad: [(String?, String?, String, String)] = [
            ("BK-1", Self.holder, "2026-12-01", UUID().uuidString),
            (nil, nil, "2026-12-01", UUID().uuidString),
            (nil, "530622199001010012", "2026-12-01", UUID().uuidString),
            ("BK-1", nil, "tomorrow", UUID().uuidString),
            ("BK-1", nil, "2026-12-01", "check-in-1"),
        ]
        for (code, holder, date, requestID) in bad {
            do {
                _ = try await kiosk.checkIn(code: code, holder: holder, forDate: date, requestID: requestID)
                Issue.record("accepted \(String(describing: code)) \(String(describing: holder)) \(date) \(requestID)")
            } catch {
                #expect(error.status == 422, "\(error)")
            }
        }
        let first = try await kiosk.checkIn(code: "BK-1", holder: nil, forDate: "2026-12-01", requestID: UUID().uuidString)
        #expect(first?.number == "YB001", "the refused requests checked nothing in")
        await kiosk.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a bookings file with garbage or an ID number for a holder, importing nothing
    @Test(arguments: [
        "not json",
        #"{"code": "BK-1"}"#,
        #"[{"code": "BK-9", "holder": "530622199001010012", "date": "2026-12-01", "category": "B", "serviceID": "x"}]"#,
        #"[{"code": "", "holder": "\#(String(repeating: "ab", count: 32))", "date": "2026-12-01", "category": "B", "serviceID": "x"}]"#,
        #"[{"code": "BK-9", "holder": "\#(String(repeating: "ab", count: 32))", "date": "1 Dec", "category": "B", "serviceID": "x"}]"#,
    ])
    func refusesBadFiles(_ text: String) async throws {
        let hall = try await CounterTests.hall()
        let result = try await Self.importBookings(hall, text)
        #expect(result.status == 65)
        #expect(result.standardError.contains("Nothing was imported"), "\(result.standardError)")
        let kiosk = try CounterTests.client(hall, "K-A")
        #expect(try await kiosk.checkIn(code: "BK-9", holder: nil, forDate: "2026-12-01", requestID: UUID().uuidString) == nil)
        await kiosk.shutdown()
        _ = await hall.stop()
    }
}
