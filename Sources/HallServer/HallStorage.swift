import Foundation
import HallProtocol

/// Everything the hall stores: kiosks and their certificates' serials, events, heartbeats,
/// tickets and their daily counters, bookings, case progress, and what the report reads.
/// `SQLiteHallStore` (one file, one hall instance: the default) and `PostgresHallStore`
/// (one database, any number of hall instances) implement it; no SQL lives outside them.
///
/// Every method either does all it says or nothing: a thrown error leaves the store unchanged.
public protocol HallStorage: Sendable {
    /// Where the data lives, for messages: a path, or `postgres://user@host:port/db` (never a password).
    var location: String { get }

    // MARK: Kiosks

    /// Records a kiosk as enrolled with the serial of its new certificate; enrolling again keeps
    /// its events and sequence and makes its older certificates useless.
    func enroll(kioskID: String, certificateSerial: String, at date: Date) async throws(HallStoreError)
    /// Refuses every certificate of the kiosk from now on (its events stay). False if unknown.
    func revoke(kioskID: String) async throws(HallStoreError) -> Bool
    /// The serial of the kiosk's current certificate; nil when the kiosk is unknown or revoked.
    func certificateSerial(kioskID: String) async throws(HallStoreError) -> String?

    // MARK: Events and heartbeats

    /// Stores the batch's events that are new and returns what the hall now holds contiguously.
    /// The batch must already be validated (`EventBatchValidator`). A sequence stored before with
    /// another event id throws `.conflict`, and nothing of the batch is stored. The same batch
    /// arriving twice at once (two hall instances) is stored once.
    func ingest(_ batch: EventBatch, at date: Date) async throws(HallStoreError) -> BatchAcknowledgement
    /// What the hall holds of a kiosk's journal; nil for a kiosk never enrolled.
    func acknowledgement(kioskID: String) async throws(HallStoreError) -> BatchAcknowledgement?
    /// Every stored event of one kiosk, in sequence order (tests and tools).
    func events(kioskID: String) async throws(HallStoreError) -> [WireEvent]
    /// Events of all kiosks that happened in [start, end), in (kiosk, sequence) order.
    func events(from start: Date, to end: Date) async throws(HallStoreError) -> [HallKioskEvent]
    /// `json` is the heartbeat as the hall re-encoded it (sorted keys), kept for the report.
    func recordHeartbeat(_ heartbeat: Heartbeat, json: String, at date: Date) async throws(HallStoreError)
    /// Every enrolled kiosk, by id.
    func kiosks() async throws(HallStoreError) -> [HallKioskRecord]

    // MARK: Counters

    /// The next number of `category` on `forDate`, or the one this request id already got.
    /// Numbers are gapless and unique per category and day, whichever hall instance assigns them.
    func assignTicket(_ request: TicketRequest, at date: Date) async throws(HallStoreError) -> TicketAssignment
    /// Checks in today's booking found by its code or its holder's hash: gives it the next
    /// priority number of its category, or the one it already has (also for a repeated request
    /// id). nil when there is none.
    func checkIn(_ request: CheckInRequest, at date: Date) async throws(HallStoreError) -> CheckInAnswer?
    /// Inserts bookings, or updates those with a known code that are not checked in yet; all or none.
    func importBookings(_ bookings: [Booking]) async throws(HallStoreError)
    func progress(caseNumber: String) async throws(HallStoreError) -> CaseProgress?
    /// Inserts or replaces case records (from the hall's case system's export); all or none.
    func importProgress(_ records: [CaseProgress]) async throws(HallStoreError)

    /// Closes the files or connections; the store is unusable afterwards.
    func close() async throws
}

extension HallStorage {
    public func enroll(kioskID: String, certificateSerial: String) async throws(HallStoreError) {
        try await enroll(kioskID: kioskID, certificateSerial: certificateSerial, at: Date())
    }
    public func ingest(_ batch: EventBatch) async throws(HallStoreError) -> BatchAcknowledgement {
        try await ingest(batch, at: Date())
    }
    public func recordHeartbeat(_ heartbeat: Heartbeat, json: String) async throws(HallStoreError) {
        try await recordHeartbeat(heartbeat, json: json, at: Date())
    }
    public func assignTicket(_ request: TicketRequest) async throws(HallStoreError) -> TicketAssignment {
        try await assignTicket(request, at: Date())
    }
    public func checkIn(_ request: CheckInRequest) async throws(HallStoreError) -> CheckInAnswer? {
        try await checkIn(request, at: Date())
    }
}

/// What the hall knows of one kiosk, for the report.
public struct HallKioskRecord: Sendable, Equatable {
    public var kioskID: String
    public var contiguousSequence: Int64
    public var lastContact: Date?
    /// The last heartbeat's JSON, if any arrived.
    public var lastHeartbeat: String?

    public init(kioskID: String, contiguousSequence: Int64, lastContact: Date? = nil, lastHeartbeat: String? = nil) {
        self.kioskID = kioskID
        self.contiguousSequence = contiguousSequence
        self.lastContact = lastContact
        self.lastHeartbeat = lastHeartbeat
    }
}

/// One stored event with the kiosk that sent it.
public struct HallKioskEvent: Sendable, Equatable {
    public var kioskID: String
    public var event: WireEvent

    public init(kioskID: String, event: WireEvent) {
        self.kioskID = kioskID
        self.event = event
    }
}

/// How both stores write numbers and times.
enum HallStorageFormat {
    /// "A007", "A1234": the category and at least three digits.
    static func ticketNumber(_ category: String, _ number: Int) -> String {
        category + (number < 1000 ? String(String(number + 1000).dropFirst()) : String(number))
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
