/// What is printed, as content; kioskd lays it out with the printer's document model.
public enum PrintDocument: Sendable, Equatable {
    case ticket(TicketSlip)
    case form(FormSheet)
}
