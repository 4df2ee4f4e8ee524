extension Intent {
    /// A short, stable name for technicians and tests ("service:housing-fund-rent", "digit:7",
    /// "rating:5"). Intents carry no personal data, so the names are safe to log and to show.
    public var name: String {
        switch self {
        case .wake: "wake"
        case .service(let id): "service:\(id)"
        case .takeTicket: "take-ticket"
        case .printForm: "print-form"
        case .checkIn: "check-in"
        case .progressInquiry: "progress-inquiry"
        case .help: "help"
        case .digit(let digit): "digit:\(digit)"
        case .deleteDigit: "delete-digit"
        case .submit: "submit"
        case .rating(let level): "rating:\(level)"
        case .dissatisfactionReason(let reason): "reason:\(reason.rawValue)"
        case .skipRating: "skip-rating"
        case .complaintTopic(let topic): "topic:\(topic.rawValue)"
        case .continueSession: "continue"
        case .nextPage: "next-page"
        case .previousPage: "previous-page"
        case .back: "back"
        case .home: "home"
        case .finish: "finish"
        case .language(let language): "language:\(language.rawValue)"
        case .elderlyMode(let on): "elderly-mode:\(on ? "on" : "off")"
        case .corner(let corner): "corner:\(corner)"
        case .maintenance(.setOutOfService(let on)): "out-of-service:\(on ? "on" : "off")"
        case .maintenance(.exit): "maintenance-exit"
        }
    }
}

extension Screen {
    /// The screen's kind ("attract", "home", "ticket-issued"), for technicians and tests.
    public var name: String {
        switch self {
        case .attract(let isDimmed): isDimmed ? "attract-dimmed" : "attract"
        case .home: "home"
        case .guide: "guide"
        case .insertCard: "insert-card"
        case .working: "working"
        case .ticketIssued: "ticket-issued"
        case .formPrinted: "form-printed"
        case .checkIn: "check-in"
        case .caseNumberEntry: "case-number-entry"
        case .progress: "progress"
        case .rating: "rating"
        case .ratingThanks: "rating-thanks"
        case .complaint: "complaint"
        case .complaintFiled: "complaint-filed"
        case .notice: "notice"
        case .outOfService: "out-of-service"
        case .pinEntry: "pin-entry"
        case .maintenance: "maintenance"
        }
    }
}
