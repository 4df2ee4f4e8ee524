import Foundation
import HallProtocol
import Logging
import PostgresNIO

/// The hall's store on PostgreSQL, for several hall instances on one database. The database
/// enforces what one SQLite writer enforced by being alone: each ingest locks its kiosk's row
/// (`FOR UPDATE`), so two instances storing the same batch store it once; the (kiosk, sequence)
/// key is the primary key, inserted with `ON CONFLICT DO NOTHING`; numbers come from
/// `daily_counter`, incremented in the same transaction that stores them.
///
/// Made by `HallStorageLocation.withStorage`, which runs the client's pool around its use.
public final class PostgresHallStore: HallStorage {
    public let postgres: PostgresLocation
    let client: PostgresClient
    let logger: Logger

    public var location: String { postgres.description }

    init(postgres: PostgresLocation, client: PostgresClient, logger: Logger) {
        self.postgres = postgres
        self.client = client
        self.logger = logger
    }

    /// Checks the address, the credentials and the schema on one connection of its own (the pool
    /// would retry a wrong password forever), and applies the migrations.
    static func prepare(_ postgres: PostgresLocation, logger: Logger) async throws(HallStoreError) {
        let configuration = try postgres.connectionConfiguration()
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            throw PostgresFailure.opening(postgres, error)
        }
        do {
            try await PostgresHallSchema.migrate(connection, location: postgres, logger: logger)
        } catch let error as HallStoreError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw HallStoreError(code: .storage, message: "Unable to migrate the database '\(postgres)': \(PostgresFailure.reason(error)).")
        }
        try? await connection.close()
    }

    // MARK: Kiosks

    public func enroll(kioskID: String, certificateSerial: String, at date: Date) async throws(HallStoreError) {
        try await run("enroll '\(kioskID)'") { client, logger in
            _ = try await client.query("""
                INSERT INTO kiosk (kiosk_id, enrolled_at_ms, certificate_serial) VALUES (\(kioskID), \(HallStorageFormat.milliseconds(date)), \(certificateSerial))
                ON CONFLICT (kiosk_id) DO UPDATE SET certificate_serial = excluded.certificate_serial
                """, logger: logger).collect()
        }
    }

    public func revoke(kioskID: String) async throws(HallStoreError) -> Bool {
        try await run("revoke '\(kioskID)'") { client, logger in
            let rows = try await client.query("UPDATE kiosk SET certificate_serial = NULL WHERE kiosk_id = \(kioskID) RETURNING kiosk_id", logger: logger)
            return try await rows.collect().count > 0
        }
    }

    public func certificateSerial(kioskID: String) async throws(HallStoreError) -> String? {
        try await run("read the certificate of '\(kioskID)'") { client, logger in
            try await client.query("SELECT certificate_serial FROM kiosk WHERE kiosk_id = \(kioskID)", logger: logger).decode(String?.self).first { _ in true } ?? nil
        }
    }

    // MARK: Events

    public func ingest(_ batch: EventBatch, at date: Date) async throws(HallStoreError) -> BatchAcknowledgement {
        let receivedAt = HallStorageFormat.milliseconds(date)
        let kioskID = batch.kioskID
        return try await transaction("store events of '\(kioskID)'") { connection, logger in
            // Holds the kiosk's row until commit: another instance's ingest of this kiosk waits here.
            var contiguous: Int64?
            for try await value in try await connection.query("SELECT contiguous_sequence FROM kiosk WHERE kiosk_id = \(kioskID) FOR UPDATE", logger: logger).decode(Int64.self) {
                contiguous = value
            }
            guard var contiguous else {
                throw HallStoreError(code: .notEnrolled, message: "Kiosk '\(kioskID)' is not enrolled at this hall.")
            }
            var held: [Int64: String] = [:]
            let sequences = batch.events.map(\.sequence)
            for try await (sequence, id) in try await connection.query("SELECT sequence, uuid FROM event WHERE kiosk_id = \(kioskID) AND sequence = ANY(\(sequences))", logger: logger).decode((Int64, String).self) {
                held[sequence] = id
            }
            for event in batch.events {
                if let existing = held[event.sequence], existing != event.id {
                    throw HallStoreError(code: .conflict, message: "Kiosk '\(kioskID)' sent sequence \(event.sequence) as event \(event.id), but the hall holds it as event \(existing). Was the kiosk's journal replaced? Nothing of this batch was stored.")
                }
            }
            let fresh = batch.events.filter { held[$0.sequence] == nil }
            var stored = 0
            if !fresh.isEmpty {
                let inserted = try await connection.query("""
                    INSERT INTO event (kiosk_id, sequence, uuid, kind, occurred_at_ms, payload, received_at_ms)
                    SELECT \(kioskID), e.sequence, e.uuid, e.kind, e.occurred_at_ms, e.payload, \(receivedAt)
                    FROM unnest(\(fresh.map(\.sequence))::bigint[], \(fresh.map(\.id))::text[], \(fresh.map(\.kind))::text[],
                                \(fresh.map(\.occurredAtMs))::bigint[], \(fresh.map(\.payload))::text[]) AS e (sequence, uuid, kind, occurred_at_ms, payload)
                    ON CONFLICT (kiosk_id, sequence) DO NOTHING
                    RETURNING sequence
                    """, logger: logger).collect()
                stored = inserted.count
            }
            // The batch is consecutive and now wholly stored: it extends the contiguous run if it
            // starts at or before the run's next sequence.
            if let first = sequences.first, let last = sequences.last, first <= contiguous + 1, last > contiguous {
                contiguous = last
            }
            // Events stored earlier out of order may continue the run: those above it whose
            // sequence minus their rank equals the run's end are its continuation.
            let start = contiguous
            for try await end in try await connection.query("""
                SELECT MAX(sequence) FROM (SELECT sequence, sequence - row_number() OVER (ORDER BY sequence) AS shift
                                           FROM event WHERE kiosk_id = \(kioskID) AND sequence > \(start)) AS above
                WHERE shift = \(start)
                """, logger: logger).decode(Int64?.self) {
                if let end { contiguous = end }
            }
            _ = try await connection.query("UPDATE kiosk SET contiguous_sequence = \(contiguous), last_contact_ms = \(receivedAt) WHERE kiosk_id = \(kioskID)", logger: logger).collect()
            return BatchAcknowledgement(kioskID: kioskID, highestContiguousSequence: contiguous, stored: stored)
        }
    }

    public func acknowledgement(kioskID: String) async throws(HallStoreError) -> BatchAcknowledgement? {
        try await run("read the sync state of '\(kioskID)'") { client, logger in
            try await client.query("SELECT contiguous_sequence FROM kiosk WHERE kiosk_id = \(kioskID)", logger: logger).decode(Int64.self)
                .first { _ in true }.map { BatchAcknowledgement(kioskID: kioskID, highestContiguousSequence: $0, stored: 0) }
        }
    }

    public func events(kioskID: String) async throws(HallStoreError) -> [WireEvent] {
        try await run("read the events of '\(kioskID)'") { client, logger in
            var events: [WireEvent] = []
            let rows = try await client.query("SELECT sequence, uuid, kind, occurred_at_ms, payload FROM event WHERE kiosk_id = \(kioskID) ORDER BY sequence", logger: logger)
            for try await (sequence, id, kind, occurred, payload) in rows.decode((Int64, String, String, Int64, String).self) {
                events.append(WireEvent(sequence: sequence, id: id, kind: kind, occurredAtMs: occurred, payload: payload))
            }
            return events
        }
    }

    public func events(from start: Date, to end: Date) async throws(HallStoreError) -> [HallKioskEvent] {
        let from = HallStorageFormat.milliseconds(start), to = HallStorageFormat.milliseconds(end)
        return try await run("read the day's events") { client, logger in
            var events: [HallKioskEvent] = []
            let rows = try await client.query("""
                SELECT kiosk_id, sequence, uuid, kind, occurred_at_ms, payload FROM event
                WHERE occurred_at_ms >= \(from) AND occurred_at_ms < \(to) ORDER BY kiosk_id, sequence
                """, logger: logger)
            for try await (kioskID, sequence, id, kind, occurred, payload) in rows.decode((String, Int64, String, String, Int64, String).self) {
                events.append(HallKioskEvent(kioskID: kioskID, event: WireEvent(sequence: sequence, id: id, kind: kind, occurredAtMs: occurred, payload: payload)))
            }
            return events
        }
    }

    // MARK: Heartbeats

    public func recordHeartbeat(_ heartbeat: Heartbeat, json: String, at date: Date) async throws(HallStoreError) {
        try await run("record a heartbeat of '\(heartbeat.kioskID)'") { client, logger in
            _ = try await client.query("UPDATE kiosk SET last_contact_ms = \(HallStorageFormat.milliseconds(date)), last_heartbeat = \(json) WHERE kiosk_id = \(heartbeat.kioskID)", logger: logger).collect()
        }
    }

    public func kiosks() async throws(HallStoreError) -> [HallKioskRecord] {
        try await run("read the kiosks") { client, logger in
            var kiosks: [HallKioskRecord] = []
            let rows = try await client.query("SELECT kiosk_id, contiguous_sequence, last_contact_ms, last_heartbeat FROM kiosk ORDER BY kiosk_id", logger: logger)
            for try await (kioskID, contiguous, contact, heartbeat) in rows.decode((String, Int64, Int64?, String?).self) {
                kiosks.append(HallKioskRecord(kioskID: kioskID, contiguousSequence: contiguous, lastContact: contact.map(HallStorageFormat.date), lastHeartbeat: heartbeat))
            }
            return kiosks
        }
    }

    /// The pool stops when `withStorage`'s body returns; nothing to do here.
    public func close() async throws {}

    // MARK: Helpers

    /// Runs `body` on the pool; any failure but a `HallStoreError` becomes `.storage` naming `what`.
    func run<T: Sendable>(_ what: String, _ body: @Sendable (PostgresClient, Logger) async throws -> T) async throws(HallStoreError) -> T {
        do {
            return try await body(client, logger)
        } catch let error as HallStoreError {
            throw error
        } catch {
            throw HallStoreError(code: .storage, message: "Unable to \(what) in the database '\(postgres)': \(PostgresFailure.reason(error)).")
        }
    }

    /// Runs `body` in a transaction on one connection of the pool: committed if it returns,
    /// rolled back if it throws (a `HallStoreError` from `body` is thrown as it is).
    func transaction<T: Sendable>(_ what: String, _ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws(HallStoreError) -> T {
        try await run(what) { client, logger in
            do {
                return try await client.withTransaction(logger: logger) { connection in try await body(connection, logger) }
            } catch let error as PostgresTransactionError {
                if let refusal = error.closureError as? HallStoreError { throw refusal }
                throw error.closureError ?? error.commitError ?? error.beginError ?? error
            }
        }
    }
}
