import KioskCore
import Testing
import KioskValues

struct FlowTicketTests {
    /// Should ask for the ID card (fast polling) when "take a ticket" is tapped without one
    @Test func asksForCard() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        let effects = journey.tap(.takeTicket)
        #expect(journey.screen == .insertCard(.ticket(serviceName: "开设冷饮店")))
        #expect(effects.pollings == [.fast])
        #expect(effects.hallRequests.isEmpty)
    }

    /// Should ask the hall for a ticket of the service's category for the next working day once the card is read
    @Test func cardRequestsTicket() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        journey.tap(.takeTicket)
        let effects = journey.send(.cardRead(SamplePerson.card()))
        #expect(effects.hallRequests == [.ticket(RequestID(1), category: "A", forDate: CalendarDate(year: 2026, month: 12, day: 1)!, serviceID: "cold-drink-shop")])
        #expect(effects.pollings == [.slow])
        #expect(journey.screen == .working(.gettingTicketNumber))
    }

    /// Should print the assigned ticket with number, service, location, people ahead, time and QR
    @Test func printsTicket() {
        var journey = Journey()
        let id = journey.takeTicket()
        let job = journey.effects.printJobs.last!
        #expect(job.id == id)
        guard case .ticket(let slip) = job.document else { Issue.record("not a ticket"); return }
        #expect(slip.number == "A005")
        #expect(slip.serviceName == "开设冷饮店")
        #expect(slip.categoryName == "企业一站式")
        #expect(slip.location == "1楼 A区 3号窗口")
        #expect(slip.ahead == 4)
        #expect(slip.issuedAt.hasPrefix("2026-11-30 22:"))
        #expect(slip.qrText == "https://hall.invalid/q?d=2026-12-01&n=A005")
        #expect(!slip.isPriority)
        #expect(journey.screen == .working(.printingTicket))
    }

    /// Should journal ticket.issued before the screen confirms the ticket, once it is printed
    @Test func journalsBeforeConfirming() {
        var journey = Journey()
        let id = journey.takeTicket()
        #expect(!journey.effects.journalKinds.contains(JournalKind.ticketIssued))
        let effects = journey.send(.printed(id, .printed))
        let holder = SamplePerson.card().linkingHash
        #expect(effects.journals == [JournalRecord(JournalKind.ticketIssued, ["category": .string("A"), "number": .string("A005"),
                                                                                 "service": .string("cold-drink-shop"), "holder": .string(holder),
                                                                                 "for_date": .string("2026-12-01")])])
        let journalIndex = effects.index(ofJournal: JournalKind.ticketIssued)!
        #expect(journalIndex < effects.firstShowIndex!)
        guard case .ticketIssued(let slip) = journey.screen else { Issue.record("not confirmed: \(journey.screen)"); return }
        #expect(slip.number == "A005")
    }

    /// Should not ask the hall twice when "take a ticket" is tapped again while one is pending
    @Test func doubleTapIssuesOneTicket() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("cold-drink-shop"))
        journey.tap(.takeTicket)
        let second = journey.tap(.takeTicket, after: 0)
        #expect(second.hallRequests.isEmpty)
        #expect(journey.effects.hallRequests.count == 1)
        let id = journey.effects.hallRequests[0].id
        journey.send(.hallAnswered(.ticketAssigned(id, number: "A005", ahead: 0)))
        journey.tap(.takeTicket, after: 0)
        journey.send(.printed(id, .printed))
        #expect(journey.effects.printJobs.count == 1)
        #expect(journey.effects.journalKinds.filter { $0 == JournalKind.ticketIssued }.count == 1)
    }

    /// Should refuse a second ticket of the same category for the same day for the same person, even in a new session
    @Test func onePerPersonPerCategoryPerDay() {
        var journey = Journey()
        let id = journey.takeTicket()
        journey.send(.printed(id, .printed))
        journey.tap(.finish)
        journey.tap(.skipRating)
        #expect(!journey.flow.hasSession)
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("business-licence"))
        let effects = journey.tap(.takeTicket)
        #expect(effects.hallRequests.isEmpty)
        #expect(journey.screen.notice == Notice(.alreadyHasTicket(categoryName: "企业一站式"), .alreadyHasTicketNextStep))
    }

    /// Should keep refusing after a restart: a claim restored from the journal's ticket.issued
    /// counts like one made in this run; a claim for a day gone by is not kept
    @Test func restoredClaimsCount() {
        var journey = Journey()
        journey.flow.restoreTicketClaim(holderHash: SamplePerson.card().linkingHash, category: "A", day: CalendarDate(year: 2026, month: 12, day: 1)!)
        journey.flow.restoreTicketClaim(holderHash: SamplePerson.card().linkingHash, category: "B", day: CalendarDate(year: 2026, month: 11, day: 27)!)
        journey.send(.printerChanged(.ready))
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("business-licence"))
        #expect(journey.tap(.takeTicket).hallRequests.isEmpty)
        #expect(journey.screen.notice == Notice(.alreadyHasTicket(categoryName: "企业一站式"), .alreadyHasTicketNextStep))
        journey.tap(.home)
        journey.tap(.service("housing-fund-rent"))
        #expect(journey.tap(.takeTicket).hallRequests.count == 1, "last Friday's B ticket does not block tomorrow's")
    }

    /// Should allow the same person a ticket of another category, and another person the same category
    @Test func otherCategoryOrPersonAllowed() {
        var journey = Journey()
        let id = journey.takeTicket()
        journey.send(.printed(id, .printed))
        journey.tap(.home)
        journey.tap(.service("housing-fund-rent"))
        #expect(journey.tap(.takeTicket).hallRequests.count == 1)
        var other = Journey()
        let first = other.takeTicket()
        other.send(.printed(first, .printed))
        other.tap(.home)
        other.send(.cardRead(SamplePerson.card(idNumber: "11010519491231002X")))
        other.tap(.service("business-licence"))
        #expect(other.tap(.takeTicket).hallRequests.count == 1)
    }

    /// Should tell the citizen, not count the ticket and journal it as failed when the paper runs out while printing
    @Test func paperOutWhilePrinting() {
        var journey = Journey()
        let id = journey.takeTicket()
        journey.send(.printerChanged(.paperOut))
        let effects = journey.send(.printed(id, .failed(.paperOut)))
        #expect(effects.journals == [JournalRecord(JournalKind.ticketFailed, ["category": .string("A"), "number": .string("A005"),
                                                                                 "reason": .string("paper out")])])
        #expect(!journey.effects.journalKinds.contains(JournalKind.ticketIssued))
        #expect(journey.screen.notice == Notice(.ticketNotIssued, .ticketNotIssuedNextStep(.paperOut, hotline: "0870-12345")))
        #expect(effects.contains(.speak("号票没有打印出来，本次取号无效")))
    }

    /// Should let the person try again after a failed print (the failed ticket does not count against the limit)
    @Test func failedTicketDoesNotUseTheLimit() {
        var journey = Journey()
        let id = journey.takeTicket()
        journey.send(.printed(id, .failed(.coverOpen)))
        journey.send(.printerChanged(.ready))
        journey.tap(.home)
        journey.tap(.service("cold-drink-shop"))
        #expect(journey.tap(.takeTicket).hallRequests.count == 1)
    }

    /// Should not ask the hall for a number when the printer is already out of paper
    @Test func printerOutBeforehand() {
        var journey = Journey()
        journey.send(.printerChanged(.paperOut))
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("cold-drink-shop"))
        let effects = journey.tap(.takeTicket)
        #expect(effects.hallRequests.isEmpty)
        #expect(journey.screen.notice?.title == .ticketNotIssued)
    }

    /// Should say the hall is unreachable and what to do, and journal the failure
    @Test func hallUnreachable() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("cold-drink-shop"))
        let id = journey.tap(.takeTicket).hallRequests[0].id
        let effects = journey.send(.hallAnswered(.unreachable(id)))
        #expect(effects.journalKinds == [JournalKind.ticketFailed])
        #expect(effects.printJobs.isEmpty)
        #expect(journey.screen.notice == Notice(.hallUnreachable, .hallUnreachableTicketNextStep(opens: "09:00")))
    }

    /// Should refuse an expired card without asking the hall
    @Test func expiredCard() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        journey.tap(.takeTicket)
        let effects = journey.send(.cardRead(SamplePerson.card(expired: true)))
        #expect(effects.hallRequests.isEmpty)
        #expect(journey.screen.notice == Notice(.cardExpired, .cardExpiredNextStep))
    }

    /// Should drop a hall answer that arrives after the session timed out
    @Test func lateAnswerDropped() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        journey.tap(.takeTicket)
        journey.send(.tick, after: 60)
        #expect(!journey.flow.hasSession)
        let effects = journey.send(.hallAnswered(.ticketAssigned(RequestID(1), number: "A001", ahead: 0)))
        #expect(effects.isEmpty)
    }

    /// Should issue a Friday-night ticket for Monday, and a ticket before opening on a working day for that day
    @Test func nextWorkingDay() {
        let hours = ServiceCatalog.sample.openingHoursOrDefault
        #expect(hours.ticketDay(at: FlowTime(2026, 12, 4, 21, 0)) == CalendarDate(year: 2026, month: 12, day: 7))
        #expect(hours.ticketDay(at: FlowTime(2026, 12, 1, 7, 30)) == CalendarDate(year: 2026, month: 12, day: 1))
        // 2026-09-30 evening: 10-01 and 10-02 are holidays, 10-03/04 a weekend, 10-05 a holiday; 10-06 is next.
        #expect(hours.ticketDay(at: FlowTime(2026, 9, 30, 20, 0)) == CalendarDate(year: 2026, month: 10, day: 6))
    }
}
