/// The hall's answers to the Flow's requests, each naming the request it answers.
public enum HallAnswer: Sendable, Equatable {
    /// `POST /tickets` answered: the number ("A005") and how many are ahead.
    case ticketAssigned(RequestID, number: String, ahead: Int)
    /// A booking was found and checked in: its priority number.
    case bookingCheckedIn(RequestID, BookingCheckIn)
    /// No booking for that code or card today.
    case noBooking(RequestID)
    case progress(RequestID, status: String, nextStep: String)
    case caseNotFound(RequestID)
    /// kioskd gave up: network down, hall down, timed out. For any request kind.
    case unreachable(RequestID)

    public var requestID: RequestID {
        switch self {
        case .ticketAssigned(let id, _, _), .bookingCheckedIn(let id, _), .noBooking(let id), .progress(let id, _, _),
             .caseNotFound(let id), .unreachable(let id):
            id
        }
    }
}
