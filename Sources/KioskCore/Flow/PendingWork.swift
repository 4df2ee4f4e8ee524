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
