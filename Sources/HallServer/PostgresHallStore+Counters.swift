import Foundation
import HallProtocol
import Logging
import PostgresNIO

extension PostgresHallStore {
    /// The same request id arrived at another instance at the same moment and won: this
    /// transaction is rolled back (its counter increment with it) and the winner's number read.
    private struct RequestAlreadyAnswered: Error {}

    public func assignTicket(_ request: TicketRequest, at date: Date) async throws(HallStoreError) -> TicketAssignment {
        try await run("assign a ticket number") { client, logger in
            do {
                return try await client.withTransaction(logger: logger) { connection in
                    if let earlier = try await Self.ticket(requestID: request.requestID, connection, logger) { return earlier }
                    let number = try await Self.nextNumber("ticket", forDate: request.forDate, category: request.category, connection, logger)
                    let inserted = try await connection.query("""
                        INSERT INTO ticket (for_date, category, number, request_id, kiosk_id, issued_at_ms)
                        VALUES (\(request.forDate), \(request.category), \(number), \(request.requestID), \(request.kioskID), \(HallStorageFormat.milliseconds(date)))
                        ON CONFLICT (request_id) DO NOTHING RETURNING number
                        """, logger: logger).collect()
                    guard !inserted.isEmpty else { throw RequestAlreadyAnswered() }
                    return TicketAssignment(requestID: request.requestID, number: HallStorageFormat.ticketNumber(request.category, Int(number)), category: request.category,
                                            forDate: request.forDate, ahead: Int(number) - 1)
                }
            } catch let error as PostgresTransactionError where error.closureError is RequestAlreadyAnswered {
                return try await client.withConnection { connection in
                    guard let earlier = try await Self.ticket(requestID: request.requestID, connection, logger) else {
                        throw HallStoreError(code: .storage, message: "Request \(request.requestID) collided with another instance's, whose ticket then vanished.")
                    }
                    return earlier
                }
            } catch let error as PostgresTransactionError {
                if let refusal = error.closureError as? HallStoreError { throw refusal }
                throw error.closureError ?? error.commitError ?? error.beginError ?? error
            }
        }
    }

    /// The ticket a request id already got, if any.
    private static func ticket(requestID: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> TicketAssignment? {
        let rows = try await connection.query("SELECT category, for_date, number FROM ticket WHERE request_id = \(requestID)", logger: logger)
        for try await (category, forDate, number) in rows.decode((String, String, Int64).self) {
            return TicketAssignment(requestID: requestID, number: HallStorageFormat.ticketNumber(category, Int(number)), category: category, forDate: forDate, ahead: Int(number) - 1)
        }
        return nil
    }

    /// Increments the day's counter and returns the new number. The counter's row stays locked
    /// until the transaction ends, which orders concurrent requests of one category and day.
    private static func nextNumber(_ counter: String, forDate: String, category: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("""
            INSERT INTO daily_counter (counter, for_date, category, last_number) VALUES (\(counter), \(forDate), \(category), 1)
            ON CONFLICT (counter, for_date, category) DO UPDATE SET last_number = daily_counter.last_number + 1
            RETURNING last_number
            """, logger: logger)
        for try await number in rows.decode(Int64.self) { return number }
        throw HallStoreError(code: .storage, message: "The daily counter '\(counter)' returned no number.")
    }

    public func checkIn(_ request: CheckInRequest, at date: Date) async throws(HallStoreError) -> CheckInAnswer? {
        try await transaction("check in a booking") { connection, logger in
            // A repeated request first; then the booking by code, or the holder's earliest not
            // yet checked in, then the earliest at all (a second visit). FOR UPDATE: a second
            // instance checking in the same booking waits, then sees its number.
            var found: (code: String, category: String, serviceID: String, number: Int64?)?
            let queries: [PostgresQuery] = [
                "SELECT code, category, service_id, number FROM booking WHERE request_id = \(request.requestID) AND for_date = \(request.forDate) FOR UPDATE",
                request.code.map { "SELECT code, category, service_id, number FROM booking WHERE code = \($0) AND for_date = \(request.forDate) FOR UPDATE" }
                    ?? "SELECT code, category, service_id, number FROM booking WHERE holder = \(request.holder ?? "") AND for_date = \(request.forDate) ORDER BY number IS NOT NULL, code LIMIT 1 FOR UPDATE",
            ]
            for query in queries where found == nil {
                for try await row in try await connection.query(query, logger: logger).decode((String, String, String, Int64?).self) {
                    found = row
                }
            }
            guard let booking = found else { return nil }
            var number = booking.number ?? 0
            if booking.number == nil {
                number = try await Self.nextNumber("checkin", forDate: request.forDate, category: booking.category, connection, logger)
                _ = try await connection.query("""
                    UPDATE booking SET number = \(number), request_id = \(request.requestID), kiosk_id = \(request.kioskID), checked_in_at_ms = \(HallStorageFormat.milliseconds(date))
                    WHERE code = \(booking.code)
                    """, logger: logger).collect()
            }
            return CheckInAnswer(requestID: request.requestID, number: "Y" + HallStorageFormat.ticketNumber(booking.category, Int(number)), category: booking.category,
                                 serviceID: booking.serviceID, ahead: Int(number) - 1)
        }
    }

    public func importBookings(_ bookings: [Booking]) async throws(HallStoreError) {
        // One statement for all: ON CONFLICT cannot touch a row twice, so a code listed twice
        // keeps its last record, as inserting one by one would.
        var latest: [String: Booking] = [:]
        for booking in bookings { latest[booking.code] = booking }
        let unique = Array(latest.values)
        try await transaction("import bookings") { connection, logger in
            _ = try await connection.query("""
                INSERT INTO booking (code, holder, for_date, category, service_id)
                SELECT * FROM unnest(\(unique.map(\.code))::text[], \(unique.map { $0.holder.lowercased() })::text[], \(unique.map(\.date))::text[],
                                     \(unique.map(\.category))::text[], \(unique.map(\.serviceID))::text[])
                ON CONFLICT (code) DO UPDATE SET holder = excluded.holder, for_date = excluded.for_date,
                    category = excluded.category, service_id = excluded.service_id WHERE booking.number IS NULL
                """, logger: logger).collect()
        }
    }

    public func progress(caseNumber: String) async throws(HallStoreError) -> CaseProgress? {
        try await run("read case progress") { client, logger in
            let rows = try await client.query("SELECT case_number, status, next_step, updated_at_ms FROM case_progress WHERE case_number = \(caseNumber)", logger: logger)
            for try await (number, status, nextStep, updated) in rows.decode((String, String, String, Int64).self) {
                return CaseProgress(caseNumber: number, status: status, nextStep: nextStep, updatedAtMs: updated)
            }
            return nil
        }
    }

    public func importProgress(_ records: [CaseProgress]) async throws(HallStoreError) {
        var latest: [String: CaseProgress] = [:]
        for record in records { latest[record.caseNumber] = record }
        let unique = Array(latest.values)
        try await transaction("import case progress") { connection, logger in
            _ = try await connection.query("""
                INSERT INTO case_progress (case_number, status, next_step, updated_at_ms)
                SELECT * FROM unnest(\(unique.map(\.caseNumber))::text[], \(unique.map(\.status))::text[], \(unique.map(\.nextStep))::text[], \(unique.map(\.updatedAtMs))::bigint[])
                ON CONFLICT (case_number) DO UPDATE SET status = excluded.status, next_step = excluded.next_step, updated_at_ms = excluded.updated_at_ms
                """, logger: logger).collect()
        }
    }
}
