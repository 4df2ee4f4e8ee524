/// What the Flow is waiting for from the hall or the printer. At most one at a time: a second
/// tap while one is pending does nothing.
enum PendingWork: Sendable, Equatable {
    case ticket(PendingTicket)
    case form(RequestID, serviceID: String)
    case progress(RequestID, caseNumber: String)

    var id: RequestID {
        switch self {
        case .ticket(let ticket): ticket.id
        case .form(let id, _), .progress(let id, _): id
        }
    }
}

struct PendingTicket: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case queue(TicketClaim, serviceID: String)
        case checkIn
    }
    var id: RequestID
    var kind: Kind
    /// nil while asking the hall; the slip being printed after.
    var slip: TicketSlip?
    /// A checked-in booking's category, known once the hall answered.
    var checkInCategory: String?
}

/// "One ticket per person per category per day": the keyed hash, not the number.
struct TicketClaim: Sendable, Hashable {
    var holderHash: String
    var category: String
    var day: CalendarDate
}
