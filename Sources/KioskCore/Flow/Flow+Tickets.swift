import KioskValues

extension Flow {
    /// "Take a ticket" on a service's guide: needs the printer, the ID card, and no ticket of the
    /// same category for the same day for this person.
    mutating func takeTicket(serviceID: String, _ effects: inout [FlowEffect]) {
        guard pending == nil, let service = catalog.service(id: serviceID), service.ticketCategory != nil else { return }
        guard printer.canPrint else {
            page = .notice(Notice(.ticketNotIssued, .ticketNotIssuedNextStep(printer, hotline: catalog.hotlineOrDefault)))
            return
        }
        guard let card = session!.card else {
            guard cardReader.canRead else {
                page = .notice(Notice(.cardReaderFaulted, .hallUnreachableTicketNextStep(opens: catalog.openingHoursOrDefault.opens)))
                return
            }
            page = .insertCard(serviceID: serviceID)
            return
        }
        requestTicket(service, card: card, &effects)
    }

    /// A ticket issued before kioskd (re)started, read back from the journal's `ticket.issued`
    /// records: the same person cannot take a second one for that category and day.
    public mutating func restoreTicketClaim(holderHash: String, category: String, day: CalendarDate) {
        guard day >= now.date else { return }
        ticketClaims.insert(TicketClaim(holderHash: holderHash, category: category, day: day))
    }

    mutating func requestTicket(_ service: ServiceItem, card: CardHolder, _ effects: inout [FlowEffect]) {
        guard let category = service.ticketCategory else { fatalError("Internal inconsistency: ticket for '\(service.id)' without a category") }
        guard !card.isExpired else {
            page = .notice(Notice(.cardExpired, .cardExpiredNextStep))
            return
        }
        let day = catalog.openingHoursOrDefault.ticketDay(at: now)
        let claim = TicketClaim(holderHash: card.linkingHash, category: category, day: day)
        guard !ticketClaims.contains(claim) else {
            page = .notice(Notice(.alreadyHasTicket(categoryName: categoryName(category)), .alreadyHasTicketNextStep))
            return
        }
        let id = newRequestID()
        pending = .ticket(PendingTicket(id: id, kind: .queue(claim, serviceID: service.id), slip: nil))
        effects.append(.askHall(.ticket(id, category: category, forDate: day, serviceID: service.id)))
        session!.didSomething = true
        page = .working(.gettingTicketNumber)
    }

    mutating func printForm(serviceID: String, _ effects: inout [FlowEffect]) {
        guard pending == nil, let service = catalog.service(id: serviceID), let guide = service.guide, let form = guide.form else { return }
        guard printer.canPrint else {
            page = .notice(Notice(.formNotPrinted, .formNotPrintedNextStep(printer)))
            return
        }
        let id = newRequestID()
        pending = .form(id, serviceID: serviceID)
        let sheet = FormSheet(formID: form.id, title: form.title, serviceName: service.name, departments: form.departments,
                              materials: guide.materials, steps: guide.steps, timeLimit: guide.timeLimit, fees: guide.fees,
                              location: service.location, hotline: catalog.hotlineOrDefault, printedAt: now.description)
        effects.append(.print(PrintJob(id: id, document: .form(sheet))))
        session!.didSomething = true
        page = .working(.printingForm)
    }

    mutating func cardRead(_ card: CardHolder, _ effects: inout [FlowEffect]) {
        switch page {
        case .attract:
            touched()
            guard !isOutOfService, !catalog.services.isEmpty else { return }
            startSession(card: card, &effects)
        case .insertCard(let serviceID):
            touched()
            session!.card = card
            guard let service = catalog.service(id: serviceID) else {
                page = .home
                return
            }
            requestTicket(service, card: card, &effects)
        case .checkIn:
            touched()
            session!.card = card
            guard !card.isExpired else {
                page = .notice(Notice(.cardExpired, .cardExpiredNextStep))
                return
            }
            askCheckIn(.holderHash(card.linkingHash), &effects)
        case .pinEntry, .maintenance:
            return
        default:
            touched()
            session?.card = card
        }
    }

    mutating func cardReadFailed() {
        guard page.waitsForCard else { return }
        touched()
        page = .notice(Notice(.cardUnreadable, .cardUnreadableNextStep))
    }

    /// A booking's QR code checks in from the attract, home or check-in screen.
    mutating func qrScanned(_ code: String, _ effects: inout [FlowEffect]) {
        switch page {
        case .attract:
            guard !isOutOfService, !catalog.services.isEmpty else { return }
            touched()
            startSession(card: nil, &effects)
        case .home, .checkIn:
            touched()
        default:
            return
        }
        guard pending == nil else { return }
        askCheckIn(.qrCode(code), &effects)
    }

    mutating func askCheckIn(_ key: BookingKey, _ effects: inout [FlowEffect]) {
        guard pending == nil else { return }
        // A check-in the printer cannot print would use up the booking at the hall for nothing.
        guard printer.canPrint else {
            page = .notice(Notice(.ticketNotIssued, .ticketNotIssuedNextStep(printer, hotline: catalog.hotlineOrDefault)))
            return
        }
        let id = newRequestID()
        pending = .ticket(PendingTicket(id: id, kind: .checkIn, slip: nil))
        effects.append(.askHall(.checkIn(id, key)))
        session!.didSomething = true
        page = .working(.checkingBooking)
    }

    func categoryName(_ prefix: String) -> String { catalog.category(prefix: prefix)?.name ?? prefix }

    func slip(number: String, category: String, service: ServiceItem?, ahead: Int, isPriority: Bool) -> TicketSlip {
        let day = catalog.openingHoursOrDefault.ticketDay(at: now)
        return TicketSlip(number: number, categoryName: categoryName(category), serviceName: service?.name ?? categoryName(category),
                          location: service?.location ?? "", ahead: ahead, forDate: day, issuedAt: now.description,
                          isPriority: isPriority, qrText: "\(configuration.ticketLinkPrefix)d=\(day)&n=\(number)")
    }
}
