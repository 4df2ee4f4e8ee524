/// One journal event as the Flow asks for it: a kind the morning report knows (see README, "Event
/// kinds") and a payload with no personal data (masked phone numbers only).
public struct JournalRecord: Sendable, Equatable {
    public var kind: String
    public var payload: [String: JournalValue]

    public init(_ kind: String, _ payload: [String: JournalValue] = [:]) {
        self.kind = kind
        self.payload = payload
    }

    /// The payload as a JSON object with sorted keys, as the journal stores it.
    public var payloadJSON: String {
        "{" + payload.keys.sorted().map { "\(JournalValue.string($0).json):\(payload[$0]!.json)" }.joined(separator: ",") + "}"
    }
}

public enum JournalValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)

    var json: String {
        switch self {
        case .int(let value): "\(value)"
        case .bool(let value): value ? "true" : "false"
        case .string(let text):
            "\"" + text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default:
                    if scalar.value < 0x20 {
                        "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        String(scalar)
                    }
                }
            }.joined() + "\""
        }
    }
}

/// The kinds the Flow journals. The first six are counted by the hall's morning report.
public enum JournalKind {
    public static let sessionStarted = "session.started"
    public static let serviceUsed = "service.used"
    public static let ticketIssued = "ticket.issued"
    public static let formPrinted = "form.printed"
    public static let ratingGiven = "rating.given"
    public static let complaintFiled = "complaint.filed"
    /// `{"reason": "finished" | "timeout"}`.
    public static let sessionEnded = "session.ended"
    /// A booking checked in: `{"category", "number"}`.
    public static let checkInDone = "checkin.done"
    /// `{"result": "found" | "not_found" | "unreachable"}`; the case number is not journaled.
    public static let inquiryMade = "inquiry.made"
    /// A ticket that was not issued: `{"category", "number"?, "reason"}`; not counted as issued.
    public static let ticketFailed = "ticket.failed"
    /// A form that did not print: `{"form", "reason"}`.
    public static let formFailed = "form.failed"
    public static let maintenanceEntered = "maintenance.entered"
    /// `{"failures"}`.
    public static let maintenancePINFailed = "maintenance.pin_failed"
    /// `{"minutes"}`.
    public static let maintenanceLocked = "maintenance.locked"
    /// `{"on"}`.
    public static let maintenanceOutOfService = "maintenance.out_of_service"
}
