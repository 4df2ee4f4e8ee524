extension Flow {
    mutating func startSession(card: CardHolder?, _ effects: inout [FlowEffect]) {
        precondition(session == nil, "Internal inconsistency: a session started inside another")
        session = Session(startedAt: now, card: card)
        journal(JournalKind.sessionStarted, [:], &effects)
        page = .home
        homePage = 0
        isDimmed = false
    }

    /// Journals the end, wipes the card data and shows the attract screen for the next citizen.
    mutating func endSession(_ reason: SessionEndReason, _ effects: inout [FlowEffect]) {
        guard session != nil else {
            page = .attract
            return
        }
        journal(JournalKind.sessionEnded, ["reason": .string(reason.rawValue)], &effects)
        effects.append(.wipeCardData)
        session = nil
        pending = nil
        page = .attract
        isDimmed = false
        language = configuration.defaultLanguage
        elderlyMode = false
        lastActivity = now
    }

    /// A touch or card: the idle timeout starts again.
    mutating func touched() {
        lastActivity = now
        isDimmed = false
    }

    mutating func tick(_ effects: inout [FlowEffect]) {
        if page == .attract {
            if !isDimmed, now.seconds - lastActivity.seconds >= configuration.dimAfterSeconds { isDimmed = true }
            return
        }
        guard let timeout = page.idleTimeout, now.seconds - lastActivity.seconds >= timeout else { return }
        if session != nil {
            // A thank-you screen that runs out is the normal end, not an abandoned session.
            if case .ratingThanks = page { endSession(.finished, &effects) } else { endSession(.timeout, &effects) }
        } else {
            pinDigits = ""
            page = .attract
            lastActivity = now
        }
    }

    mutating func refreshCountdown() {
        guard let timeout = page.idleTimeout, page.warnsBeforeTimeout else {
            countdown = nil
            return
        }
        let left = timeout - (now.seconds - lastActivity.seconds)
        countdown = left <= configuration.warningSeconds ? max(left, 0) : nil
    }
}
