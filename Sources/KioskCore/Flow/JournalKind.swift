/// The kinds the Flow journals. The first six are counted by the hall's morning report.
public enum JournalKind {
    public static let sessionStarted = "session.started"
    public static let serviceUsed = "service.used"
    /// `{"category", "number", "service", "holder" (keyed hash), "for_date"}`.
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
