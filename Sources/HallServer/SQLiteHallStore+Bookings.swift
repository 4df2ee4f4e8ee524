import Foundation
import GRDB
import HallProtocol

extension SQLiteHallStore {
    public func checkIn(_ request: CheckInRequest, at date: Date) async throws(HallStoreError) -> CheckInAnswer? {
        do {
            return try await pool.write { db in
                let row: Row?
                // A repeated request (the kiosk's retry) gets the booking it checked in, even
                // when the holder has another booking not yet checked in.
                if let earlier = try Row.fetchOne(db, sql: "SELECT * FROM booking WHERE request_id = ? AND for_date = ?", arguments: [request.requestID, request.forDate]) {
                    row = earlier
                } else if let code = request.code {
                    row = try Row.fetchOne(db, sql: "SELECT * FROM booking WHERE code = ? AND for_date = ?", arguments: [code, request.forDate])
                } else {
                    // The earliest not yet checked in, then the earliest at all (a second visit).
                    row = try Row.fetchOne(db, sql: "SELECT * FROM booking WHERE holder = ? AND for_date = ? ORDER BY number IS NOT NULL, code LIMIT 1",
                                           arguments: [request.holder ?? "", request.forDate])
                }
                guard let row else { return nil }
                let category: String = row["category"]
                let number: Int
                if let existing: Int = row["number"] {
                    number = existing
                } else {
                    number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM booking WHERE for_date = ? AND category = ?", arguments: [request.forDate, category]) ?? 0) + 1
                    try db.execute(sql: "UPDATE booking SET number = ?, request_id = ?, kiosk_id = ?, checked_in_at_ms = ? WHERE code = ?",
                                   arguments: [number, request.requestID, request.kioskID, Self.milliseconds(date), row["code"] as String])
                }
                return CheckInAnswer(requestID: request.requestID, number: "Y" + Self.ticketNumber(category, number), category: category,
                                     serviceID: row["service_id"], ahead: number - 1)
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to check in a booking: \(error).")
        }
    }

    /// Inserts bookings, or updates those with a known code that are not checked in yet.
    public func importBookings(_ bookings: [Booking]) async throws(HallStoreError) {
        do {
            try await pool.write { db in
                for booking in bookings {
                    try db.execute(
                        sql: """
                            INSERT INTO booking (code, holder, for_date, category, service_id) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (code) DO UPDATE SET holder = excluded.holder, for_date = excluded.for_date,
                                category = excluded.category, service_id = excluded.service_id WHERE booking.number IS NULL
                            """,
                        arguments: [booking.code, booking.holder.lowercased(), booking.date, booking.category, booking.serviceID])
                }
            }
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to import bookings: \(error).")
        }
    }
}
