extension Flow {
    mutating func hallAnswered(_ answer: HallAnswer, _ effects: inout [FlowEffect]) {
        // An answer to a request the Flow no longer waits for (the session ended) is dropped.
        guard let work = pending, work.id == answer.requestID else { return }
        switch (work, answer) {
        case (.ticket(var ticket), .ticketAssigned(_, let number, let ahead)):
            guard ticket.slip == nil, case .queue(let claim, let serviceID) = ticket.kind else { return }
            let slip = slip(number: number, category: claim.category, service: catalog.service(id: serviceID), ahead: ahead, isPriority: false)
            ticket.slip = slip
            pending = .ticket(ticket)
            effects.append(.print(PrintJob(id: ticket.id, document: .ticket(slip))))
            page = .working(.printingTicket)
        case (.ticket(var ticket), .bookingCheckedIn(_, let booking)):
            guard ticket.slip == nil, ticket.kind == .checkIn else { return }
            let slip = slip(number: booking.number, category: booking.category, service: catalog.service(id: booking.serviceID),
                            ahead: booking.ahead, isPriority: true)
            ticket.slip = slip
            ticket.checkInCategory = booking.category
            pending = .ticket(ticket)
            effects.append(.print(PrintJob(id: ticket.id, document: .ticket(slip))))
            page = .working(.printingTicket)
        case (.ticket(let ticket), .noBooking):
            guard ticket.kind == .checkIn else { return }
            pending = nil
            page = .notice(Notice(.noBooking, .noBookingNextStep))
        case (.ticket(let ticket), .unreachable):
            pending = nil
            if case .queue(let claim, _) = ticket.kind {
                journal(JournalKind.ticketFailed, ["category": .string(claim.category), "reason": .string("hall_unreachable")], &effects)
            }
            page = .notice(Notice(.hallUnreachable, .hallUnreachableTicketNextStep(opens: catalog.openingHoursOrDefault.opens)))
        case (.progress(_, let caseNumber), .progress(_, let status, let nextStep)):
            pending = nil
            journal(JournalKind.inquiryMade, ["result": .string("found")], &effects)
            page = .progress(.found(caseNumber: caseNumber, status: status, nextStep: nextStep))
        case (.progress(_, let caseNumber), .caseNotFound):
            pending = nil
            journal(JournalKind.inquiryMade, ["result": .string("not_found")], &effects)
            page = .progress(.notFound(caseNumber: caseNumber))
        case (.progress, .unreachable):
            pending = nil
            journal(JournalKind.inquiryMade, ["result": .string("unreachable")], &effects)
            page = .progress(.offline)
        default:
            return  // an answer of the wrong kind for this request: kioskd's bug, nothing the citizen can act on
        }
    }

    /// A print job's result. A ticket counts (journaled `ticket.issued` or `checkin.done`, then
    /// confirmed on screen) only once it is out of the printer; a failed one is journaled as
    /// failed and the citizen is told what to do instead.
    mutating func printed(_ id: RequestID, _ outcome: PrintOutcome, _ effects: inout [FlowEffect]) {
        guard let work = pending, work.id == id else { return }
        pending = nil
        switch work {
        case .ticket(let ticket):
            guard let slip = ticket.slip else { fatalError("Internal inconsistency: print result for ticket \(id) before it was printed") }
            switch (outcome, ticket.kind) {
            case (.printed, .queue(let claim, let serviceID)):
                // The holder's keyed hash (never the number) and the day, so that a restarted
                // kioskd still knows who has today's ticket (`restoreTicketClaim`).
                journal(JournalKind.ticketIssued, ["category": .string(claim.category), "number": .string(slip.number),
                                                   "service": .string(serviceID), "holder": .string(claim.holderHash),
                                                   "for_date": .string(claim.day.description)], &effects)
                // Claims for days gone by can never match again: drop them so the set stays small.
                ticketClaims = ticketClaims.filter { $0.day >= now.date }
                ticketClaims.insert(claim)
                page = .ticketIssued(slip)
            case (.printed, .checkIn):
                journal(JournalKind.checkInDone, ["number": .string(slip.number), "category": .string(ticket.checkInCategory ?? "")], &effects)
                page = .ticketIssued(slip)
            case (.failed(let state), .queue(let claim, _)):
                journal(JournalKind.ticketFailed, ["category": .string(claim.category), "number": .string(slip.number),
                                                   "reason": .string(state.rawValue)], &effects)
                page = .notice(Notice(.ticketNotIssued, .ticketNotIssuedNextStep(state, hotline: catalog.hotlineOrDefault)))
            case (.failed(let state), .checkIn):
                journal(JournalKind.ticketFailed, ["number": .string(slip.number), "reason": .string(state.rawValue), "check_in": .bool(true)], &effects)
                page = .notice(Notice(.ticketNotIssued, .ticketNotIssuedNextStep(state, hotline: catalog.hotlineOrDefault)))
            }
        case .form(_, let serviceID):
            guard let form = catalog.service(id: serviceID)?.guide?.form else {
                page = .home
                return
            }
            switch outcome {
            case .printed:
                journal(JournalKind.formPrinted, ["form": .string(form.id)], &effects)
                page = .formPrinted(title: form.title)
            case .failed(let state):
                journal(JournalKind.formFailed, ["form": .string(form.id), "reason": .string(state.rawValue)], &effects)
                page = .notice(Notice(.formNotPrinted, .formNotPrintedNextStep(state)))
            }
        case .progress:
            fatalError("Internal inconsistency: print result \(id) for a progress inquiry")
        }
    }
}
