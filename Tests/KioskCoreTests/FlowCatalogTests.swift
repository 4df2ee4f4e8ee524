import Foundation
import KioskCore
import Testing
import KioskValues

struct FlowCatalogTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Should ship dev/catalog-sample.json equal to `ServiceCatalog.sample` (KIOSKD_WRITE_CATALOG_SAMPLE=1 rewrites it)
    @Test func sampleFileMatchesValue() throws {
        let url = Self.repository.appendingPathComponent("dev/catalog-sample.json")
        if ProcessInfo.processInfo.environment["KIOSKD_WRITE_CATALOG_SAMPLE"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(ServiceCatalog.sample).write(to: url)
        }
        let decoded = try JSONDecoder().decode(ServiceCatalog.self, from: Data(contentsOf: url))
        #expect(decoded == .sample)
    }

    /// Should hold the four integrated services with forms and about twenty common items, each category known
    @Test func sampleIsRealistic() {
        let sample = ServiceCatalog.sample
        let withForms = sample.services.filter { $0.guide?.form != nil }.map(\.id)
        #expect(withForms == ["housing-fund-rent", "housing-fund-buy", "cold-drink-shop", "public-rental-housing"])
        #expect(sample.services.count >= 24)
        #expect(Set(sample.services.map(\.id)).count == sample.services.count)
        for service in sample.services {
            if let prefix = service.ticketCategory { #expect(sample.category(prefix: prefix) != nil, "\(service.id)") }
            #expect(service.guide != nil, "\(service.id)")
        }
    }

    /// Should decode the hall's catalog format (dev/catalog.json), which has no guides
    @Test func decodesHallCatalog() throws {
        let url = Self.repository.appendingPathComponent("dev/catalog.json")
        let catalog = try JSONDecoder().decode(ServiceCatalog.self, from: Data(contentsOf: url))
        #expect(catalog.services.contains { $0.id == "cold-drink-shop" && $0.ticketCategory == "A" })
        #expect(catalog.hotline == nil)
        #expect(catalog.hotlineOrDefault == "12345")
    }

    /// Should count weekdays from 1970-01-01 (a Thursday) and round-trip day numbers
    @Test func calendarDayNumbers() {
        let date = CalendarDate(year: 2026, month: 11, day: 30)!
        #expect(date.isoWeekday == 1)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 32) == CalendarDate(year: 2027, month: 1, day: 1))
        #expect(FlowTime(2026, 12, 31, 23, 59, 50).adding(seconds: 20) == FlowTime(2027, 1, 1, 0, 0, 10))
    }
}

struct FlowMessageTests {
    static let samples: [Message] = [
        .touchToStart, .chooseService, .printerCannotPrint(.paperOut), .cardReaderFaulted, .placeCard(serviceName: "开设冷饮店"),
        .gettingTicketNumber, .printingTicket, .printingForm, .checkingBooking, .lookingUpCase, .checkInPrompt, .enterCaseNumber,
        .rateVisit, .whyDissatisfied, .thanksForRating, .complaintPrompt, .chooseComplaintTopic, .phoneIncomplete,
        .complaintFiled(hotline: "12345"), .idleWarning(seconds: 20), .ticketNotIssued, .ticketNotIssuedNextStep(.paperOut, hotline: "12345"),
        .formNotPrinted, .formNotPrintedNextStep(.coverOpen), .hallUnreachable, .hallUnreachableTicketNextStep(opens: "09:00"),
        .cardExpired, .cardExpiredNextStep, .alreadyHasTicket(categoryName: "企业一站式"), .alreadyHasTicketNextStep, .noBooking,
        .noBookingNextStep, .cardUnreadable, .cardUnreadableNextStep, .notRecorded, .notRecordedNextStep(hotline: "12345"),
        .caseNotFound, .caseNotFoundNextStep, .progressOffline(hotline: "12345"), .outOfService(hotline: "12345", opens: "09:00"),
        .enterPIN, .wrongPIN(attemptsLeft: 2), .pinLocked(until: "23:00"), .ticketFor(CalendarDate(year: 2026, month: 12, day: 1)!),
    ]

    /// Should have a Simplified Chinese and a different English text for every message
    @Test(arguments: samples)
    func bothLanguages(_ message: Message) {
        let chinese = message.text(in: .simplifiedChinese)
        let english = message.text(in: .english)
        #expect(!chinese.isEmpty)
        #expect(!english.isEmpty)
        #expect(chinese != english)
        #expect(chinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(message) has no Chinese")
    }

    /// Should put the hotline into the messages that tell the citizen to call
    @Test func hotlineInText() {
        #expect(Message.progressOffline(hotline: "0870-12345").text(in: .simplifiedChinese).contains("0870-12345"))
        #expect(Message.ticketNotIssuedNextStep(.paperOut, hotline: "0870-12345").text(in: .english).contains("0870-12345"))
    }
}

struct FlowPrivacyTests {
    /// Should keep only masked name and number and the keyed hash in the card value
    @Test func cardHolderIsMasked() {
        let card = SamplePerson.card()
        #expect(card.maskedName == "张**")
        #expect(card.maskedNumber == "530622********0026")
        #expect(card.linkingHash.count == 64)
        let text = String(describing: card)
        #expect(!text.contains(SamplePerson.idNumber))
        #expect(!text.contains(SamplePerson.name))
    }

    /// Should put no full ID number or name in any effect of a journey through every card-using screen
    @Test func longJourneyLeaksNothing() {
        var journey = Journey()
        let id = journey.takeTicket()
        journey.send(.printed(id, .printed))
        journey.tap(.home)
        journey.tap(.checkIn)
        journey.send(.cardRead(SamplePerson.card()))
        journey.send(.hallAnswered(.bookingCheckedIn(RequestID(2), BookingCheckIn(number: "B001", category: "B", serviceID: "housing-fund-rent", ahead: 0))))
        journey.send(.printed(RequestID(2), .failed(.paperOut)))
        journey.tap(.help)
        journey.tap(.complaintTopic(.deviceProblem))
        for digit in [1, 3, 8, 0, 0, 0, 0, 1, 2, 3, 4] { journey.tap(.digit(digit)) }
        journey.tap(.submit)
        journey.tap(.finish)
        journey.tap(.rating(2))
        journey.tap(.dissatisfactionReason(.deviceFault))
        journey.send(.tick, after: 10)
        Journey.expectNoPersonalData(journey.effects)
        // The check is not vacuous: the masked forms did reach the screen.
        #expect(String(describing: journey.effects).contains("张**"))
        #expect(journey.effects.wipes == 1)
        #expect(journey.flow.cardHolder == nil)
        for record in journey.effects.journals {
            #expect(PersonalData.firstResidentIDNumber(in: record.payloadJSON) == nil)
            #expect(!record.payloadJSON.contains("13800001234"))
        }
    }

    /// Should quote and escape journal payload strings as JSON
    @Test func payloadJSON() {
        let record = JournalRecord("x", ["b": .string("a\"b\\c\n"), "a": .int(3), "c": .bool(true)])
        #expect(record.payloadJSON == #"{"a":3,"b":"a\"b\\c\n","c":true}"#)
    }
}
