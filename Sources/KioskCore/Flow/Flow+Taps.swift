extension Flow {
    mutating func tapped(_ intent: Intent, _ effects: inout [FlowEffect]) {
        if case .digit(let digit) = intent { precondition((0...9).contains(digit), "Internal inconsistency: keypad digit \(digit)") }
        if case .rating(let level) = intent { precondition((1...5).contains(level), "Internal inconsistency: rating level \(level)") }
        touched()
        if case .corner(let corner) = intent {
            cornerTapped(corner)
            return
        }
        switch page {
        case .attract:
            guard !isOutOfService, !catalog.services.isEmpty else { return }
            startSession(card: nil, &effects)
            applySettings(intent)
            return
        case .pinEntry:
            pinEntryTapped(intent, &effects)
            return
        case .maintenance:
            maintenanceTapped(intent, &effects)
            return
        default:
            break
        }
        guard session != nil else { fatalError("Internal inconsistency: page \(page) without a session") }
        if applySettings(intent) { return }
        switch intent {
        case .continueSession, .wake, .corner, .maintenance:
            return
        case .home:
            guard pending == nil else { return }
            page = .home
        case .back:
            back()
        case .help:
            // Help is on every screen's footer, except while waiting and on the complaint form itself.
            guard pending == nil else { return }
            if case .complaint = page { return }
            page = .complaint(ComplaintScreen(topic: nil, phoneDigits: "", problem: nil))
        case .finish:
            guard pending == nil else { return }
            if session!.didSomething && !session!.rated { page = .rating(.chooseLevel) } else { endSession(.finished, &effects) }
        default:
            pageTapped(intent, &effects)
        }
    }

    /// Language and elderly mode work on every screen. Returns true if the intent was one.
    @discardableResult
    mutating func applySettings(_ intent: Intent) -> Bool {
        switch intent {
        case .language(let chosen): language = chosen
        case .elderlyMode(let on):
            // The pages change size: start again from the first.
            elderlyMode = on
            homePage = 0
        default: return false
        }
        return true
    }

    mutating func back() {
        switch page {
        case .insertCard(let id): page = .guide(serviceID: id)
        case .rating(.chooseReason): page = .rating(.chooseLevel)
        case .progress: page = .caseNumberEntry("")
        case .working: return
        default: page = .home
        }
    }

    mutating func pageTapped(_ intent: Intent, _ effects: inout [FlowEffect]) {
        switch (page, intent) {
        case (.home, .service(let id)):
            guard catalog.service(id: id) != nil else { return }
            if !session!.servicesUsed.contains(id) {
                session!.servicesUsed.insert(id)
                journal(JournalKind.serviceUsed, ["service": .string(id)], &effects)
            }
            session!.didSomething = true
            page = .guide(serviceID: id)
        case (.guide(let id), .takeTicket):
            takeTicket(serviceID: id, &effects)
        case (.guide(let id), .printForm):
            printForm(serviceID: id, &effects)
        case (.home, .nextPage):
            homePage = min(homePage + 1, homePageCount - 1)
        case (.home, .previousPage):
            homePage = max(homePage - 1, 0)
        case (.home, .checkIn):
            page = .checkIn
        case (.home, .progressInquiry):
            page = .caseNumberEntry("")
        case (.ratingThanks, _):
            endSession(.finished, &effects)
        case (.caseNumberEntry(let typed), _):
            caseNumberTapped(intent, typed: typed, &effects)
        case (.complaint(let form), _):
            complaintTapped(intent, form: form, &effects)
        case (.rating(let step), _):
            ratingTapped(intent, step: step, &effects)
        default:
            return  // a tap the current screen does not offer (a stale touch): ignored
        }
    }

    mutating func caseNumberTapped(_ intent: Intent, typed: String, _ effects: inout [FlowEffect]) {
        switch intent {
        case .digit(let digit) where typed.count < 30:
            page = .caseNumberEntry(typed + String(digit))
        case .deleteDigit:
            page = .caseNumberEntry(String(typed.dropLast()))
        case .submit where !typed.isEmpty:
            let id = newRequestID()
            pending = .progress(id, caseNumber: typed)
            effects.append(.askHall(.progress(id, caseNumber: typed)))
            session!.didSomething = true
            page = .working(.lookingUpCase)
        default:
            return
        }
    }

    mutating func complaintTapped(_ intent: Intent, form: ComplaintScreen, _ effects: inout [FlowEffect]) {
        var form = form
        switch intent {
        case .complaintTopic(let topic):
            form.topic = topic
            form.problem = nil
        case .digit(let digit) where form.phoneDigits.count < 11:
            form.phoneDigits += String(digit)
            form.problem = nil
        case .deleteDigit:
            form.phoneDigits = String(form.phoneDigits.dropLast())
        case .submit:
            guard let topic = form.topic else {
                form.problem = .chooseComplaintTopic
                break
            }
            guard form.phoneDigits.count == 11, form.phoneDigits.first == "1" else {
                form.problem = .phoneIncomplete
                break
            }
            let masked = Self.maskedPhone(form.phoneDigits)
            // The number itself goes to the hall sealed with its callback key (kioskd seals it).
            journal(JournalKind.complaintFiled, ["topic": .string(topic.rawValue), "phone_masked": .string(masked),
                                                 "phone_sealed": .sealedForHall(form.phoneDigits)], &effects)
            session!.didSomething = true
            page = .complaintFiled(phoneMasked: masked)
            return
        default:
            return
        }
        page = .complaint(form)
    }

    mutating func ratingTapped(_ intent: Intent, step: RatingScreen, _ effects: inout [FlowEffect]) {
        switch (step, intent) {
        case (.chooseLevel, .rating(let level)) where level <= 2:
            page = .rating(.chooseReason(level: level))
        case (.chooseLevel, .rating(let level)):
            recordRating(level, reason: nil, &effects)
        case (.chooseReason(let level), .dissatisfactionReason(let reason)):
            recordRating(level, reason: reason, &effects)
        case (_, .skipRating):
            endSession(.finished, &effects)
        default:
            return
        }
    }

    mutating func recordRating(_ level: Int, reason: DissatisfactionReason?, _ effects: inout [FlowEffect]) {
        var payload: [String: JournalValue] = ["level": .int(level)]
        if let reason { payload["reason"] = .string(reason.rawValue) }
        journal(JournalKind.ratingGiven, payload, &effects)
        session!.rated = true
        page = .ratingThanks(offerCallback: level <= 2)
    }

    /// "13812341234" -> "138****1234".
    static func maskedPhone(_ digits: String) -> String {
        String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }
}
