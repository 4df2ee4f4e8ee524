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
