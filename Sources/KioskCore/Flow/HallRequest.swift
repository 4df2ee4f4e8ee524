import KioskValues

/// A question for the hall. kioskd sends it (mapping the `RequestID` to a UUID it keeps for
/// retries) and feeds the answer back as `FlowEvent.hallAnswered`.
public enum HallRequest: Sendable, Equatable {
    /// `POST /v1/kiosks/{kioskID}/tickets` with `category` and `forDate`.
    case ticket(RequestID, category: String, forDate: CalendarDate, serviceID: String)
    /// `POST /v1/kiosks/{kioskID}/checkins`: check in today's booking, found by its QR code or by
    /// the card's keyed hash.
    case checkIn(RequestID, BookingKey)
    /// `GET /v1/progress/{caseNumber}`.
    case progress(RequestID, caseNumber: String)
}
