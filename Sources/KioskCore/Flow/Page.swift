/// Where the journey is, holding only the citizen's inputs; `Flow.screen` turns it into a
/// `Screen` with the catalog and device states applied.
enum Page: Sendable, Equatable {
    case attract
    case home
    case guide(serviceID: String)
    case insertCard(serviceID: String)
    case working(Message)
    case ticketIssued(TicketSlip)
    case formPrinted(title: String)
    case checkIn
    case caseNumberEntry(String)
    case progress(ProgressScreen)
    case rating(RatingScreen)
    case ratingThanks(offerCallback: Bool)
    case complaint(ComplaintScreen)
    case complaintFiled(phoneMasked: String)
    case notice(Notice)
    case pinEntry
    case maintenance

    /// Seconds without a touch before the session ends here; nil where nothing times out
    /// (attract; working, which always ends with the hall's or printer's answer).
    var idleTimeout: Int? {
        switch self {
        case .attract, .working: nil
        case .home, .progress, .notice: 90
        case .guide, .complaint: 180
        case .insertCard, .checkIn, .rating, .pinEntry, .ticketIssued, .formPrinted, .complaintFiled: 60
        case .caseNumberEntry: 120
        case .ratingThanks: 10
        case .maintenance: 600
        }
    }

    /// Whether the countdown shows before the timeout (not on the short thank-you screen).
    var warnsBeforeTimeout: Bool { if case .ratingThanks = self { false } else { true } }

    var waitsForCard: Bool {
        switch self {
        case .insertCard, .checkIn: true
        default: false
        }
    }
}
