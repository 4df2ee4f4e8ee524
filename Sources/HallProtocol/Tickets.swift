/// `POST /v1/kiosks/{kioskID}/tickets`: a queue number from the hall's own numbering, shared by
/// every kiosk and restarting every day per category. Idempotent by `requestID`: a kiosk that
/// lost the answer asks again with the same id and gets the same number.
public struct TicketRequest: Codable, Sendable, Equatable {
    public var protocolVersion: Int
    public var kioskID: String
    /// A UUID the kiosk makes once per ticket and keeps until it has an answer.
    public var requestID: String
    /// A ticket category prefix from the catalog, e.g. "A".
    public var category: String
    /// The working day the ticket is for, "YYYY-MM-DD" (at night: the next working day).
    public var forDate: String

    public init(protocolVersion: Int = HallProtocol.version, kioskID: String, requestID: String, category: String, forDate: String) {
        self.protocolVersion = protocolVersion
        self.kioskID = kioskID
        self.requestID = requestID
        self.category = category
        self.forDate = forDate
    }
}

public struct TicketAssignment: Codable, Sendable, Equatable {
    public var requestID: String
    /// Category prefix and a three-digit number, e.g. "A005".
    public var number: String
    public var category: String
    public var forDate: String
    /// Tickets of the same category and day issued before this one.
    public var ahead: Int

    public init(requestID: String, number: String, category: String, forDate: String, ahead: Int) {
        self.requestID = requestID
        self.number = number
        self.category = category
        self.forDate = forDate
        self.ahead = ahead
    }
}

/// `GET /v1/progress/{caseNumber}`: where a case stands, from the hall's own records (imported
/// with `kiosk-hall import-progress`). Holds no personal data: a case number, a status, a window.
public struct CaseProgress: Codable, Sendable, Equatable {
    public var caseNumber: String
    /// e.g. "accepted", "under review", "ready for pickup".
    public var status: String
    /// What happens next, for the citizen, e.g. "Collect at window 12 with your ID card".
    public var nextStep: String
    /// Milliseconds since 1970-01-01 UTC.
    public var updatedAtMs: Int64

    public init(caseNumber: String, status: String, nextStep: String, updatedAtMs: Int64) {
        self.caseNumber = caseNumber
        self.status = status
        self.nextStep = nextStep
        self.updatedAtMs = updatedAtMs
    }
}

extension HallProtocol {
    /// `POST /v1/kiosks/{kioskID}/tickets`
    public static func ticketsPath(kioskID: String) -> String { "\(pathPrefix)/kiosks/\(kioskID)/tickets" }
    /// `GET /v1/progress/{caseNumber}`
    public static func progressPath(caseNumber: String) -> String { "\(pathPrefix)/progress/\(caseNumber)" }
}
