import Foundation
import GRDB
import HallProtocol

extension SQLiteHallStore {
    /// The next number of `category` on `forDate`, or the one this request id already got.
    public func assignTicket(_ request: TicketRequest, at date: Date) async throws(HallStoreError) -> TicketAssignment {
        do {
            return try await pool.write { db in
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE request_id = ?", arguments: [request.requestID]) {
                    let number: Int = row["number"]
                    return TicketAssignment(requestID: request.requestID, number: Self.ticketNumber(row["category"], number), category: row["category"], forDate: row["for_date"], ahead: number - 1)
                }
                let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM ticket WHERE for_date = ? AND category = ?", arguments: [request.forDate, request.category]) ?? 0) + 1
                try db.execute(
                    sql: "INSERT INTO ticket (for_date, category, number, request_id, kiosk_id, issued_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [request.forDate, request.category, number, request.requestID, request.kioskID, Self.milliseconds(date)])
                return TicketAssignment(requestID: request.requestID, number: Self.ticketNumber(request.category, number), category: request.category, forDate: request.forDate, ahead: number - 1)
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to assign a ticket number: \(error).")
        }
    }

    static func ticketNumber(_ category: String, _ number: Int) -> String { HallStorageFormat.ticketNumber(category, number) }

    public func progress(caseNumber: String) async throws(HallStoreError) -> CaseProgress? {
        do {
            return try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM case_progress WHERE case_number = ?", arguments: [caseNumber]).map {
                    CaseProgress(caseNumber: $0["case_number"], status: $0["status"], nextStep: $0["next_step"], updatedAtMs: $0["updated_at_ms"])
                }
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to read case progress: \(error).")
        }
    }

    /// Inserts or replaces case records (from the hall's case system's export).
    public func importProgress(_ records: [CaseProgress]) async throws(HallStoreError) {
        do {
            try await pool.write { db in
                for record in records {
                    try db.execute(
                        sql: "INSERT INTO case_progress (case_number, status, next_step, updated_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (case_number) DO UPDATE SET status = excluded.status, next_step = excluded.next_step, updated_at_ms = excluded.updated_at_ms",
                        arguments: [record.caseNumber, record.status, record.nextStep, record.updatedAtMs])
                }
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to import case progress: \(error).")
        }
    }
}
