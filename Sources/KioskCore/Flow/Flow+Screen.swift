extension Flow {
    /// The current page with the catalog and the device states applied.
    public var screen: Screen {
        switch page {
        case .attract:
            if isOutOfService || catalog.services.isEmpty { return .outOfService(outOfServiceMessage) }
            return .attract(isDimmed: isDimmed)
        case .home:
            var notices: [Message] = []
            if !printer.canPrint { notices.append(.printerCannotPrint(printer)) }
            if !cardReader.canRead { notices.append(.cardReaderFaulted) }
            let perPage = HomeScreen.tilesPerPage(elderlyMode: elderlyMode)
            let shown = catalog.services.dropFirst(homePage * perPage).prefix(perPage)
            let tiles = shown.map { service in
                ServiceTile(serviceID: service.id, name: service.name, location: service.location,
                            unavailableReason: unavailableReason(service))
            }
            return .home(HomeScreen(tiles: tiles, notices: notices, holderMaskedName: session?.card?.maskedName,
                                    page: homePage, pageCount: homePageCount))
        case .guide(let id):
            guard let service = catalog.service(id: id) else { fatalError("Internal inconsistency: guide of unknown service '\(id)'") }
            return .guide(GuideScreen(serviceID: id, name: service.name, location: service.location, guide: service.guide,
                                      ticketCategoryName: service.ticketCategory.map(categoryName),
                                      ticketUnavailableReason: service.ticketCategory == nil ? nil : ticketUnavailableReason,
                                      formTitle: service.guide?.form?.title,
                                      formUnavailableReason: service.guide?.form == nil || printer.canPrint ? nil : .printerCannotPrint(printer),
                                      ticketDay: catalog.openingHoursOrDefault.ticketDay(at: now)))
        case .insertCard(let id): return .insertCard(.ticket(serviceName: catalog.service(id: id)?.name ?? id))
        case .working(let message): return .working(message)
        case .ticketIssued(let slip): return .ticketIssued(slip)
        case .formPrinted(let title): return .formPrinted(title: title)
        case .checkIn: return .checkIn
        case .caseNumberEntry(let typed): return .caseNumberEntry(caseNumber: typed)
        case .progress(let result): return .progress(result)
        case .rating(let step): return .rating(step)
        case .ratingThanks(let offer): return .ratingThanks(offerCallback: offer)
        case .complaint(let form): return .complaint(form)
        case .complaintFiled(let masked): return .complaintFiled(phoneMasked: masked)
        case .notice(let notice): return .notice(notice)
        case .pinEntry:
            return .pinEntry(PINEntryScreen(digitsEntered: pinDigits.count, failures: pinFailures,
                                             attemptsLeft: max(0, configuration.pinAttempts - pinFailures),
                                             lockedUntil: isPINLocked ? pinLockedUntil : nil))
        case .maintenance:
            return .maintenance(MaintenanceScreen(printer: printer, cardReader: cardReader, isOutOfService: isOutOfService,
                                                  catalogVersion: catalog.version))
        }
    }

    var outOfServiceMessage: Message {
        .outOfService(hotline: catalog.hotlineOrDefault, opens: catalog.openingHoursOrDefault.opens)
    }

    /// Why a ticket cannot be taken here now, or nil.
    var ticketUnavailableReason: Message? {
        if !printer.canPrint { return .printerCannotPrint(printer) }
        if !cardReader.canRead && session?.card == nil { return .cardReaderFaulted }
        return nil
    }

    /// Services that print (a ticket or a form) are unavailable while the printer cannot print;
    /// their guides can still be read.
    func unavailableReason(_ service: ServiceItem) -> Message? {
        let printsTicket = service.ticketCategory != nil
        let printsForm = service.guide?.form != nil
        if (printsTicket || printsForm) && !printer.canPrint { return .printerCannotPrint(printer) }
        if printsTicket && !printsForm && !cardReader.canRead && session?.card == nil { return .cardReaderFaulted }
        return nil
    }

    /// The voice prompt of a screen, if it has one.
    func voicePrompt(for screen: Screen) -> Message? {
        switch screen {
        case .attract, .pinEntry, .maintenance, .formPrinted, .progress, .complaint: nil
        case .home: .chooseService
        case .guide: nil
        case .insertCard(.ticket(let name)): .placeCard(serviceName: name)
        case .working(let message): message
        case .ticketIssued(let slip): .ticketFor(slip.forDate)
        case .checkIn: .checkInPrompt
        case .caseNumberEntry: .enterCaseNumber
        case .rating(.chooseLevel): .rateVisit
        case .rating(.chooseReason): .whyDissatisfied
        case .ratingThanks: .thanksForRating
        case .complaintFiled: .complaintFiled(hotline: catalog.hotlineOrDefault)
        case .notice(let notice): notice.title
        case .outOfService(let message): message
        }
    }
}
