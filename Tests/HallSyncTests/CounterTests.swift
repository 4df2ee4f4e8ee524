import Foundation
import HallProtocol
import HallSync
import KioskTestSupport
import Testing

/// Queue numbers and progress inquiries: kioskd's HallClient against the real kiosk-hall.
@Suite(.serialized) struct CounterTests {
    static let catalog = #"{"version":3,"services":[],"ticketCategories":[{"prefix":"A","name":"综合"},{"prefix":"B","name":"公积金"}]}"#

    static func hall() async throws -> HallInstance {
        let directory = try TemporaryDirectory()
        let catalog = try directory.write("catalog.json", Self.catalog)
        let hall = try HallInstance(extraArguments: ["--catalog", catalog])
        try await hall.enroll("K-A")
        try await hall.enroll("K-B")
        try await hall.start()
        return hall
    }

    static func client(_ hall: HallInstance, _ kioskID: String) throws -> HallClient {
        let folder = hall.directory.file(kioskID)
        return try HallClient(baseURL: hall.url, kioskID: kioskID, certificatePath: "\(folder)/\(kioskID).pem", keyPath: "\(folder)/\(kioskID)-key.pem", caPath: "\(folder)/hall-ca.pem")
    }

    /// Should number tickets per day and category across kiosks, give a repeated request the same
    /// number, and restart the numbering on another day
    @Test func ticketNumbering() async throws {
        let hall = try await Self.hall()
        let a = try Self.client(hall, "K-A"), b = try Self.client(hall, "K-B")
        let first = try await a.ticket(category: "A", forDate: "2026-03-02", requestID: UUID().uuidString)
        #expect(first.number == "A001" && first.ahead == 0)
        let repeatedID = UUID().uuidString
        let second = try await b.ticket(category: "A", forDate: "2026-03-02", requestID: repeatedID)
        #expect(second.number == "A002" && second.ahead == 1)
        let again = try await b.ticket(category: "A", forDate: "2026-03-02", requestID: repeatedID)
        #expect(again == second)
        #expect(try await a.ticket(category: "B", forDate: "2026-03-02", requestID: UUID().uuidString).number == "B001")
        #expect(try await a.ticket(category: "A", forDate: "2026-03-03", requestID: UUID().uuidString).number == "A001")
        await a.shutdown()
        await b.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse an unknown category, a bad date or request id with 422, assigning nothing
    @Test func ticketRefusals() async throws {
        let hall = try await Self.hall()
        let a = try Self.client(hall, "K-A")
        for (category, date, requestID) in [("Z", "2026-03-02", UUID().uuidString), ("A", "tomorrow", UUID().uuidString), ("A", "2026-03-02", "ticket-1")] {
            await #expect(throws: HallClientError.self) { try await a.ticket(category: category, forDate: date, requestID: requestID) }
            do {
                _ = try await a.ticket(category: category, forDate: date, requestID: requestID)
            } catch {
                #expect(error.status == 422)
                #expect(error.code == .refused)
            }
        }
        #expect(try await a.ticket(category: "A", forDate: "2026-03-02", requestID: UUID().uuidString).number == "A001")
        await a.shutdown()
        _ = await hall.stop()
    }

    /// Should answer a progress inquiry from imported records, and nil for an unknown case
    @Test func progressInquiry() async throws {
        let hall = try await Self.hall()
        let records = try hall.directory.write("progress.json", #"[{"caseNumber":"QJ-2026-000123","status":"ready for pickup","nextStep":"Collect at window 12 with your ID card","updatedAtMs":1772409600000}]"#)
        let imported = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["import-progress", records, "--state-directory", hall.stateDirectory], in: hall.directory.path)
        #expect(imported.status == 0, "\(imported.standardError)")
        let garbage = try hall.directory.write("garbage.json", #"{"caseNumber":1}"#)
        let refused = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["import-progress", garbage, "--state-directory", hall.stateDirectory], in: hall.directory.path)
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("Nothing was imported"))
        let withID = try hall.directory.write("with-id.json", #"[{"caseNumber":"QJ-2026-000124","status":"accepted","nextStep":"\u0031\u0031010519491231002X, bring your card","updatedAtMs":1772409600000}]"#)
        let refusedID = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["import-progress", withID, "--state-directory", hall.stateDirectory], in: hall.directory.path)
        #expect(refusedID.status == 65)
        #expect(refusedID.standardError.contains("record 1") && refusedID.standardError.contains("full ID number"), "\(refusedID.standardError)")

        let a = try Self.client(hall, "K-A")
        let progress = try await a.progress(caseNumber: "QJ-2026-000123")
        #expect(progress?.status == "ready for pickup")
        #expect(try await a.progress(caseNumber: "QJ-2026-999999") == nil)
        #expect(try await a.progress(caseNumber: "QJ-2026-000124") == nil, "a refused import stored nothing")
        await a.shutdown()
        _ = await hall.stop()
    }
}
