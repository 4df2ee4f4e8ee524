/// The citizen's journey at one kiosk: `handle(event, at:)` turns the state and an event into the
/// new state and a list of effects for kioskd to carry out. Pure: no I/O, no clock (each event
/// comes with its time), no randomness (request ids count up).
///
/// Driving it (kioskd, on one actor): call `start(at:)` once, then for every event
/// `handle(_:at:)`, carrying out the effects in order (see `FlowEffect`); sleep until
/// `nextWakeUp` and send `.tick` then. Nothing else: the screen is in the `.show` effects (and
/// `view`).
public struct Flow: Sendable {
    public let configuration: FlowConfiguration
    public internal(set) var catalog: ServiceCatalog
    public internal(set) var printer: PrinterState = .unknown
    public internal(set) var cardReader: CardReaderState = .unknown
    public internal(set) var language: Language
    public internal(set) var elderlyMode = false
    /// Set by a technician in maintenance mode.
    public internal(set) var isOutOfService = false
    /// The out-of-service state before a change whose record is not journaled yet: a failed
    /// append puts it back, so that the kiosk never is what its journal does not say.
    var outOfServiceBeforeUnconfirmedChange: Bool?

    var page: Page = .attract
    /// The home screen's page of services (kept while the citizen looks at a guide and comes back).
    var homePage = 0
    var session: Session?
    var pending: PendingWork?
    var ticketClaims: Set<TicketClaim> = []
    var now: FlowTime
    /// The last touch or card (drives the idle timeout and dimming).
    var lastActivity: FlowTime
    var isDimmed = false
    var countdown: Int?
    var nextRequestNumber = 1
    var polling: CardPolling = .slow
    var lastShown: KioskView?
    /// The last prompt in the language it was in: a language switch speaks the prompt again.
    var lastPrompt: String?
    var cornerTaps: [ScreenCorner] = []
    var cornerTapsStartedAt: FlowTime?
    var pinDigits = ""
    var pinFailures = 0
    var pinLockedUntil: FlowTime?

    public init(configuration: FlowConfiguration, catalog: ServiceCatalog, now: FlowTime) {
        self.configuration = configuration
        self.catalog = catalog
        self.language = configuration.defaultLanguage
        self.now = now
        self.lastActivity = now
    }

    /// The first screen and the card polling rate.
    public mutating func start(at now: FlowTime) -> [FlowEffect] {
        self.now = now
        var effects: [FlowEffect] = [.setCardPolling(polling)]
        finish(&effects)
        return effects
    }

    public mutating func handle(_ event: FlowEvent, at now: FlowTime) -> [FlowEffect] {
        self.now = max(self.now, now)
        // kioskd sends `.journalFailed` straight after a failed append, before any other event:
        // any other event means the last change's record is in the journal.
        if event != .journalFailed { outOfServiceBeforeUnconfirmedChange = nil }
        var effects: [FlowEffect] = []
        switch event {
        case .tapped(let intent): tapped(intent, &effects)
        case .cardRead(let card): cardRead(card, &effects)
        case .cardRemoved: break  // the masked data stays until the session ends
        case .cardReadFailed: cardReadFailed()
        case .qrScanned(let code): qrScanned(code, &effects)
        case .printerChanged(let state): printer = state
        case .cardReaderChanged(let state): cardReaderChanged(state)
        case .printed(let id, let outcome): printed(id, outcome, &effects)
        case .hallAnswered(let answer): hallAnswered(answer, &effects)
        case .journalFailed: journalFailed()
        case .tick: tick(&effects)
        case .catalogUpdated(let newer): catalogUpdated(newer)
        case .outOfServiceSet(let on, let reason): outOfServiceSet(on, reason: reason, &effects)
        }
        finish(&effects)
        return effects
    }

    /// What the screen shows now.
    public var view: KioskView {
        KioskView(screen: screen, language: language, elderlyMode: elderlyMode, countdown: countdown, hotline: catalog.hotlineOrDefault)
    }

    /// True while a citizen's session is open.
    public var hasSession: Bool { session != nil }

    /// The masked card data the session holds, if any.
    public var cardHolder: CardHolder? { session?.card }

    /// When kioskd should send the next `.tick`: dimming, the countdown's start, each second of
    /// the countdown, the timeout. nil when nothing will change by itself (idle costs nothing).
    public var nextWakeUp: FlowTime? {
        if page == .attract {
            return isDimmed || isOutOfService ? nil : lastActivity.adding(seconds: configuration.dimAfterSeconds)
        }
        guard let timeout = page.idleTimeout else { return nil }
        let deadline = lastActivity.adding(seconds: timeout)
        guard page.warnsBeforeTimeout else { return deadline }
        let warningStart = deadline.adding(seconds: -configuration.warningSeconds)
        return now < warningStart ? warningStart : min(deadline, now.adding(seconds: 1))
    }

    // MARK: - Shared steps

    /// Appends the card polling change, the screen if it changed, and its voice prompt.
    mutating func finish(_ effects: inout [FlowEffect]) {
        refreshCountdown()
        let wanted: CardPolling = page.waitsForCard ? .fast : .slow
        if wanted != polling {
            polling = wanted
            effects.append(.setCardPolling(wanted))
        }
        let view = self.view
        guard view != lastShown else { return }
        let countdownAppeared = view.countdown != nil && lastShown?.countdown == nil
        lastShown = view
        effects.append(.show(view))
        if configuration.voicePrompts, countdownAppeared, let seconds = view.countdown {
            effects.append(.speak(Message.idleWarning(seconds: seconds).text(in: language)))
        }
        let prompt = voicePrompt(for: view.screen)?.text(in: language)
        if prompt != lastPrompt {
            lastPrompt = prompt
            if configuration.voicePrompts, let prompt { effects.append(.speak(prompt)) }
        }
    }

    mutating func newRequestID() -> RequestID {
        defer { nextRequestNumber += 1 }
        return RequestID(nextRequestNumber)
    }

    mutating func journal(_ kind: String, _ payload: [String: JournalValue] = [:], _ effects: inout [FlowEffect]) {
        effects.append(.journal(JournalRecord(kind, payload)))
    }

    /// Pages of services on the home screen in the current mode (at least 1).
    var homePageCount: Int {
        let perPage = HomeScreen.tilesPerPage(elderlyMode: elderlyMode)
        return max(1, (catalog.services.count + perPage - 1) / perPage)
    }

    mutating func catalogUpdated(_ newer: ServiceCatalog) {
        guard newer.version > catalog.version else { return }
        catalog = newer
        homePage = min(homePage, homePageCount - 1)
        if case .guide(let id) = page, newer.service(id: id) == nil { page = .home }
    }

    mutating func cardReaderChanged(_ state: CardReaderState) {
        cardReader = state
        if !state.canRead, page.waitsForCard {
            page = .notice(Notice(.cardReaderFaulted, .hallUnreachableTicketNextStep(opens: catalog.openingHoursOrDefault.opens)))
        }
    }

    /// The append of a confirming record failed: nothing is confirmed, the citizen is told.
    mutating func journalFailed() {
        if let before = outOfServiceBeforeUnconfirmedChange {
            isOutOfService = before
            outOfServiceBeforeUnconfirmedChange = nil
        }
        pending = nil
        page = session == nil ? .attract : .notice(Notice(.notRecorded, .notRecordedNextStep(hotline: catalog.hotlineOrDefault)))
    }
}
