import KioskCore
import Testing
import KioskValues

struct FlowScreenTests {
    /// Should list the catalog's services on home, and mark the printing ones unavailable with the reason while paper is out
    @Test func homeAppliesPrinterState() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.send(.cardReaderChanged(.ready))
        journey.tap(.wake)
        guard case .home(let ready) = journey.screen else { Issue.record("not home"); return }
        #expect(ready.tiles.count == ServiceCatalog.sample.services.count)
        #expect(ready.tiles.allSatisfy { $0.unavailableReason == nil })
        let effects = journey.send(.printerChanged(.paperOut))
        guard case .home(let out) = effects.shows.last?.screen else { Issue.record("home not redrawn"); return }
        #expect(out.notices == [.printerCannotPrint(.paperOut)])
        #expect(out.tiles.first { $0.serviceID == "cold-drink-shop" }?.unavailableReason == .printerCannotPrint(.paperOut))
        #expect(out.tiles.first { $0.serviceID == "consultation" }?.unavailableReason == nil)
    }

    /// Should journal service.used once per service per session and show its guide
    @Test func guideShowsServiceAndJournalsUse() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.tap(.wake)
        let effects = journey.tap(.service("public-rental-housing"))
        #expect(effects.journals == [JournalRecord(JournalKind.serviceUsed, ["service": .string("public-rental-housing")])])
        guard case .guide(let guide) = journey.screen else { Issue.record("not a guide"); return }
        #expect(guide.name == "公租房申请")
        #expect(guide.guide?.materials.isEmpty == false)
        #expect(guide.formTitle == "公租房申请一次性告知单")
        #expect(guide.ticketCategoryName == "住房保障")
        #expect(guide.ticketDay == CalendarDate(year: 2026, month: 12, day: 1))
        journey.tap(.back)
        #expect(journey.tap(.service("public-rental-housing")).journals.isEmpty)
    }

    /// Should print the one-time notification form and journal form.printed before confirming
    @Test func printsNotificationForm() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("housing-fund-buy")
        let job = journey.tap(.printForm).printJobs.first!
        guard case .form(let sheet) = job.document else { Issue.record("not a form"); return }
        #expect(sheet.formID == "form-housing-fund-buy")
        #expect(sheet.materials.contains("本人身份证原件"))
        #expect(sheet.hotline == "0870-12345")
        let effects = journey.send(.printed(job.id, .printed))
        #expect(effects.journals == [JournalRecord(JournalKind.formPrinted, ["form": .string("form-housing-fund-buy")])])
        #expect(effects.index(ofJournal: JournalKind.formPrinted)! < effects.firstShowIndex!)
        #expect(journey.screen == .formPrinted(title: "购建房提取住房公积金一次性告知单"))
    }

    /// Should check in a booking by its QR code and print a priority ticket, journaling checkin.done first
    @Test func checkInByQRCode() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.tap(.wake)
        #expect(journey.tap(.checkIn).pollings == [.fast])
        #expect(journey.screen == .checkIn)
        let request = journey.send(.qrScanned("BK-20261201-0042")).hallRequests
        #expect(request == [.checkIn(RequestID(1), .qrCode("BK-20261201-0042"))])
        let booking = BookingCheckIn(number: "B003", category: "B", serviceID: "housing-fund-rent", ahead: 2)
        let job = journey.send(.hallAnswered(.bookingCheckedIn(RequestID(1), booking))).printJobs.first!
        guard case .ticket(let slip) = job.document else { Issue.record("not a ticket"); return }
        #expect(slip.isPriority)
        let effects = journey.send(.printed(job.id, .printed))
        #expect(effects.journals == [JournalRecord(JournalKind.checkInDone, ["number": .string("B003"), "category": .string("B")])])
        #expect(effects.index(ofJournal: JournalKind.checkInDone)! < effects.firstShowIndex!)
        #expect(journey.screen == .ticketIssued(slip))
    }

    /// Should check in with the ID card by its keyed hash, and say so when there is no booking
    @Test func checkInByCardWithoutBooking() {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.checkIn)
        let card = SamplePerson.card()
        let request = journey.send(.cardRead(card)).hallRequests
        #expect(request == [.checkIn(RequestID(1), .holderHash(card.linkingHash))])
        journey.send(.hallAnswered(.noBooking(RequestID(1))))
        #expect(journey.screen.notice == Notice(.noBooking, .noBookingNextStep))
    }

    /// Should look up a case number typed on the keypad and show its status, journaling inquiry.made
    @Test func progressFound() {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.progressInquiry)
        for digit in [2, 0, 2, 6, 9] { journey.tap(.digit(digit)) }
        journey.tap(.deleteDigit)
        #expect(journey.screen == .caseNumberEntry(caseNumber: "2026"))
        #expect(journey.tap(.submit).hallRequests == [.progress(RequestID(1), caseNumber: "2026")])
        let effects = journey.send(.hallAnswered(.progress(RequestID(1), status: "审核中", nextStep: "请等待短信通知")))
        #expect(effects.journals == [JournalRecord(JournalKind.inquiryMade, ["result": .string("found")])])
        #expect(journey.screen == .progress(.found(caseNumber: "2026", status: "审核中", nextStep: "请等待短信通知")))
    }

    /// Should say the case was not found
    @Test func progressNotFound() {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.progressInquiry)
        journey.tap(.digit(7))
        journey.tap(.submit)
        journey.send(.hallAnswered(.caseNotFound(RequestID(1))))
        #expect(journey.screen == .progress(.notFound(caseNumber: "7")))
    }

    /// Should say the hall is offline and what to do when the inquiry cannot reach it
    @Test func progressOffline() {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.progressInquiry)
        journey.tap(.digit(7))
        journey.tap(.submit)
        let effects = journey.send(.hallAnswered(.unreachable(RequestID(1))))
        #expect(effects.journals == [JournalRecord(JournalKind.inquiryMade, ["result": .string("unreachable")])])
        #expect(journey.screen == .progress(.offline))
    }

    /// Should ask for a rating at the end, journal it before thanking, and end the session after the thanks
    @Test func ratingAtTheEnd() {
        var journey = Journey()
        journey.openGuide("cold-drink-shop")
        journey.tap(.finish)
        #expect(journey.screen == .rating(.chooseLevel))
        let effects = journey.tap(.rating(5))
        #expect(effects.journals == [JournalRecord(JournalKind.ratingGiven, ["level": .int(5)])])
        #expect(effects.index(ofJournal: JournalKind.ratingGiven)! < effects.firstShowIndex!)
        #expect(journey.screen == .ratingThanks(offerCallback: false))
        let end = journey.send(.tick, after: 10)
        #expect(end.journals == [JournalRecord(JournalKind.sessionEnded, ["reason": .string("finished")])])
        #expect(journey.screen.isAttract)
    }

    /// Should ask why when dissatisfied and journal the reason with the level, offering a callback
    @Test func dissatisfiedRatingAsksReason() {
        var journey = Journey()
        journey.openGuide("cold-drink-shop")
        journey.tap(.finish)
        #expect(journey.tap(.rating(1)).journals.isEmpty)
        #expect(journey.screen == .rating(.chooseReason(level: 1)))
        let effects = journey.tap(.dissatisfactionReason(.couldNotGetItDone))
        #expect(effects.journals == [JournalRecord(JournalKind.ratingGiven, ["level": .int(1), "reason": .string("could_not_get_it_done")])])
        #expect(journey.screen == .ratingThanks(offerCallback: true))
    }

    /// Should file a complaint with topic and a masked phone number only, before confirming
    @Test func complaintWithMaskedPhone() {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.help)
        journey.tap(.submit)
        guard case .complaint(let empty) = journey.screen else { Issue.record("not complaint"); return }
        #expect(empty.problem == .chooseComplaintTopic)
        journey.tap(.complaintTopic(.couldNotGetItDone))
        for digit in [1, 3, 8, 1, 2, 3, 4] { journey.tap(.digit(digit)) }
        journey.tap(.submit)
        guard case .complaint(let short) = journey.screen else { Issue.record("not complaint"); return }
        #expect(short.problem == .phoneIncomplete)
        for digit in [5, 6, 7, 8] { journey.tap(.digit(digit)) }
        let effects = journey.tap(.submit)
        #expect(effects.journals == [JournalRecord(JournalKind.complaintFiled, ["topic": .string("could_not_get_it_done"),
                                                                                   "phone_masked": .string("138****5678"),
                                                                                   "phone_sealed": .sealedForHall("13812345678")])])
        // The full number only ever leaves sealed: unsealed, its JSON is null.
        #expect(!effects.journals.map(\.payloadJSON).joined().contains("13812345678"))
        #expect(effects.journals.first?.payloadJSON.contains("\"phone_sealed\":null") == true)
        #expect(effects.index(ofJournal: JournalKind.complaintFiled)! < effects.firstShowIndex!)
        #expect(journey.screen == .complaintFiled(phoneMasked: "138****5678"))
        #expect(journey.flow.view.hotline == "0870-12345")
    }

    /// Should show out-of-service with where to go when a technician set it, and start no session on a touch
    @Test func outOfService() {
        var journey = Journey()
        journey.enterMaintenance()
        journey.tap(.maintenance(.setOutOfService(true)))
        journey.tap(.maintenance(.exit))
        #expect(journey.screen == .outOfService(.outOfService(hotline: "0870-12345", opens: "09:00")))
        #expect(journey.tap(.wake).journals.isEmpty)
        #expect(!journey.flow.hasSession)
        #expect(journey.send(.cardRead(SamplePerson.card())).journals.isEmpty)
    }

    /// Should be out of service with an empty catalog
    @Test func emptyCatalogIsOutOfService() {
        var journey = Journey(catalog: ServiceCatalog(version: 1, services: [], ticketCategories: []))
        #expect(journey.screen == .outOfService(.outOfService(hotline: "12345", opens: "09:00")))
        #expect(journey.tap(.wake).journals.isEmpty)
    }

    /// Should leave the card screen for a notice when the reader faults while waiting for a card
    @Test func readerFaultWhileWaitingForCard() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        journey.tap(.takeTicket)
        let effects = journey.send(.cardReaderChanged(.faulted))
        #expect(effects.pollings == [.slow])
        #expect(journey.screen.notice?.title == .cardReaderFaulted)
    }

    /// Should tell the citizen nothing was recorded when the journal fails, dropping the pending confirmation
    @Test func journalFailureIsToldNotConfirmed() {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.help)
        journey.tap(.complaintTopic(.other))
        for digit in [1, 3, 9, 0, 0, 0, 0, 1, 1, 1, 1] { journey.tap(.digit(digit)) }
        journey.tap(.submit)
        journey.send(.journalFailed, after: 0)
        #expect(journey.screen.notice == Notice(.notRecorded, .notRecordedNextStep(hotline: "0870-12345")))
    }

    /// Should ignore an older catalog and take a newer one
    @Test func catalogVersions() {
        var journey = Journey()
        var older = ServiceCatalog.sample
        older.version = 1
        older.services = []
        journey.send(.catalogUpdated(older))
        #expect(journey.flow.catalog == .sample)
        var newer = ServiceCatalog.sample
        newer.version = 4
        newer.services.removeLast()
        journey.send(.catalogUpdated(newer))
        #expect(journey.flow.catalog.version == 4)
    }
}

extension Journey {
    /// The corner gesture and the right PIN.
    mutating func enterMaintenance() {
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight, .bottomLeft] { tap(.corner(corner)) }
        for digit in [2, 4, 6, 8] { tap(.digit(digit)) }
        tap(.submit)
    }
}

/// The home screen's pages: elderly mode's larger tiles take the catalog in pages.
struct FlowHomePagingTests {
    /// Should page the sample catalog in elderly mode, clamp at both ends, keep the page across a
    /// guide and back, and start again from the first page when the mode changes
    @Test func pagesThroughTheCatalog() throws {
        var journey = Journey()
        journey.tap(.wake)
        journey.tap(.elderlyMode(true))
        func home() -> HomeScreen? { if case .home(let home) = journey.screen { home } else { nil } }
        let perPage = HomeScreen.tilesPerPage(elderlyMode: true)
        let count = (ServiceCatalog.sample.services.count + perPage - 1) / perPage
        let first = try #require(home())
        #expect(first.page == 0)
        #expect(first.pageCount == count)
        #expect(first.tiles.count == perPage)
        journey.tap(.previousPage)
        #expect(home()?.page == 0)
        for _ in 0..<(count + 2) { journey.tap(.nextPage) }
        #expect(home()?.page == count - 1)
        let services = ServiceCatalog.sample.services.map(\.id)
        let lastPage: [String] = Array(services[((count - 1) * perPage)...])
        #expect(home()?.tiles.map(\.serviceID) == lastPage)
        let last = try #require(home()?.tiles.first?.serviceID)
        journey.tap(.service(last))
        journey.tap(.back)
        #expect(home()?.page == count - 1, "back from a guide returns to the same page")
        journey.tap(.elderlyMode(false))
        let normal = try #require(home())
        #expect(normal.page == 0)
        #expect(normal.pageCount == 1)
        #expect(normal.tiles.count == services.count)
        journey.tap(.nextPage)
        #expect(home()?.page == 0, "one page: nowhere to go")
    }
}
