/// What the citizen sees, as data. Each case carries what KioskUI needs to draw it; citizen texts
/// are `Message`s, localised by `Message.text(in:)`.
public enum Screen: Sendable, Equatable {
    /// Nobody is using the kiosk. Dimmed after `FlowConfiguration.dimAfterSeconds` without a touch.
    case attract(isDimmed: Bool)
    case home(HomeScreen)
    case guide(GuideScreen)
    /// Waiting for an ID card on the reader (card polling is fast).
    case insertCard(CardPurpose)
    /// Waiting for the hall or the printer; nothing to tap.
    case working(Message)
    case ticketIssued(TicketSlip)
    case formPrinted(title: String)
    /// Booking check-in: scan the booking's QR code or place the ID card.
    case checkIn
    /// The case number keypad; `caseNumber` is what has been typed.
    case caseNumberEntry(caseNumber: String)
    case progress(ProgressScreen)
    case rating(RatingScreen)
    /// After a rating; a dissatisfied citizen is offered a callback (help).
    case ratingThanks(offerCallback: Bool)
    case complaint(ComplaintScreen)
    case complaintFiled(phoneMasked: String)
    /// Something did not work: what happened and what to do next.
    case notice(Notice)
    /// The kiosk cannot serve: where to go instead.
    case outOfService(Message)
    case pinEntry(PINEntryScreen)
    case maintenance(MaintenanceScreen)
}
