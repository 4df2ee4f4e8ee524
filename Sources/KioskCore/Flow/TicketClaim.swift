import KioskValues

/// "One ticket per person per category per day": the keyed hash, not the number.
struct TicketClaim: Sendable, Hashable {
    var holderHash: String
    var category: String
    var day: CalendarDate
}
