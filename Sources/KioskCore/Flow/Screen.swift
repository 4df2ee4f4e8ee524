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

public enum CardPurpose: Sendable, Equatable {
    case ticket(serviceName: String)
}

public struct HomeScreen: Sendable, Equatable {
    public var tiles: [ServiceTile]
    /// e.g. the printer is out of paper: what still works.
    public var notices: [Message]
    /// The masked name when a card has been read ("张*").
    public var holderMaskedName: String?

    public init(tiles: [ServiceTile], notices: [Message], holderMaskedName: String?) {
        self.tiles = tiles
        self.notices = notices
        self.holderMaskedName = holderMaskedName
    }
}

public struct ServiceTile: Sendable, Equatable {
    public var serviceID: String
    public var name: String
    public var location: String
    /// Why the service cannot be completed here now (its guide can still be read); nil when it can.
    public var unavailableReason: Message?

    public init(serviceID: String, name: String, location: String, unavailableReason: Message?) {
        self.serviceID = serviceID
        self.name = name
        self.location = location
        self.unavailableReason = unavailableReason
    }
}

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

public enum ProgressScreen: Sendable, Equatable {
    case found(caseNumber: String, status: String, nextStep: String)
    case notFound(caseNumber: String)
    /// The hall cannot be reached: says so and what to do.
    case offline
}

public enum RatingScreen: Sendable, Equatable {
    case chooseLevel
    /// Levels 1 and 2 ask why.
    case chooseReason(level: Int)
}

public struct ComplaintScreen: Sendable, Equatable {
    public var topic: ComplaintTopic?
    /// The digits typed so far (the citizen's own number, shown only to them, never journaled).
    public var phoneDigits: String
    /// Shown after a submit that cannot be accepted yet.
    public var problem: Message?

    public init(topic: ComplaintTopic?, phoneDigits: String, problem: Message?) {
        self.topic = topic
        self.phoneDigits = phoneDigits
        self.problem = problem
    }
}

public struct Notice: Sendable, Equatable {
    public var title: Message
    public var nextStep: Message

    public init(_ title: Message, _ nextStep: Message) {
        self.title = title
        self.nextStep = nextStep
    }
}

public struct PINEntryScreen: Sendable, Equatable {
    /// Dots to show, never the digits.
    public var digitsEntered: Int
    public var failures: Int
    /// Set while entry is locked after too many failures.
    public var lockedUntil: FlowTime?

    public init(digitsEntered: Int, failures: Int, lockedUntil: FlowTime?) {
        self.digitsEntered = digitsEntered
        self.failures = failures
        self.lockedUntil = lockedUntil
    }
}

public struct MaintenanceScreen: Sendable, Equatable {
    public var printer: PrinterState
    public var cardReader: CardReaderState
    public var isOutOfService: Bool
    public var catalogVersion: Int

    public init(printer: PrinterState, cardReader: CardReaderState, isOutOfService: Bool, catalogVersion: Int) {
        self.printer = printer
        self.cardReader = cardReader
        self.isOutOfService = isOutOfService
        self.catalogVersion = catalogVersion
    }
}
