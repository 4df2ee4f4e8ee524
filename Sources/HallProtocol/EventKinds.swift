/// The event kinds the hall's morning report counts, and what their payloads hold. Other kinds
/// are stored and kept but not counted.
public enum EventKinds {
    /// A citizen started using the kiosk. Payload: `{}`.
    public static let sessionStarted = "session.started"
    /// A service was used. Payload: `{"service": "housing-fund-withdrawal"}`.
    public static let serviceUsed = "service.used"
    /// A queue ticket was issued. Payload: `{"category": "A", "number": "A005", "service": "..."}`.
    public static let ticketIssued = "ticket.issued"
    /// A form was printed. Payload: `{"form": "cold-drink-shop"}`.
    public static let formPrinted = "form.printed"
    /// A rating was given. Payload: `{"level": 1...5}`; 5 very satisfied, 4 satisfied, 3 neutral.
    public static let ratingGiven = "rating.given"
    /// A complaint asks for a callback. Payload: `{"topic": "...", "phone_masked": "138****1234"}`.
    public static let complaintFiled = "complaint.filed"
    /// A device stopped working. Payload: `{"device": "receipt-printer", "fault": "paper out"}`.
    public static let deviceFault = "device.fault"
    /// A device works again. Payload: `{"device": "receipt-printer"}`.
    public static let deviceRecovered = "device.recovered"
}
