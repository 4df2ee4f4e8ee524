import KioskValues

public struct GuideScreen: Sendable, Equatable {
    public var serviceID: String
    public var name: String
    public var location: String
    public var guide: ServiceGuide?
    /// The category's name when the service takes a ticket.
    public var ticketCategoryName: String?
    /// Why "take a ticket" is disabled; nil when it works (or there is no ticket).
    public var ticketUnavailableReason: Message?
    /// The form's title when the service has a one-time notification form.
    public var formTitle: String?
    public var formUnavailableReason: Message?
    /// The working day a ticket taken now is for.
    public var ticketDay: CalendarDate

    public init(serviceID: String, name: String, location: String, guide: ServiceGuide?, ticketCategoryName: String?, ticketUnavailableReason: Message?, formTitle: String?, formUnavailableReason: Message?, ticketDay: CalendarDate) {
        self.serviceID = serviceID
        self.name = name
        self.location = location
        self.guide = guide
        self.ticketCategoryName = ticketCategoryName
        self.ticketUnavailableReason = ticketUnavailableReason
        self.formTitle = formTitle
        self.formUnavailableReason = formUnavailableReason
        self.ticketDay = ticketDay
    }
}
