/// What a tap meant. KioskUI resolves a touch on the current screen to one of these.
public enum Intent: Sendable, Equatable {
    /// Anywhere on the attract screen (not a corner): start.
    case wake
    case service(String)
    case takeTicket
    case printForm
    case checkIn
    case progressInquiry
    case help
    case digit(Int)
    case deleteDigit
    case submit
    /// 1 very dissatisfied ... 5 very satisfied.
    case rating(Int)
    case dissatisfactionReason(DissatisfactionReason)
    case skipRating
    case complaintTopic(ComplaintTopic)
    case continueSession
    /// The home screen's next and previous page of services (elderly mode's larger tiles need pages).
    case nextPage
    case previousPage
    case back
    case home
    /// "I am done": goes to the rating, then ends the session.
    case finish
    case language(Language)
    case elderlyMode(Bool)
    /// A tap in one of the screen's corners (the hidden maintenance gesture on the attract screen).
    case corner(ScreenCorner)
    case maintenance(MaintenanceAction)
}
