import Crypto
import KioskCore
import Testing
import KioskValues

/// A sample person: a full number and name that must never appear in any effect.
enum SamplePerson {
    static let idNumber = "530622199001010026"
    static let name = "张三丰"
    static var key: SymmetricKey { SymmetricKey(data: Array("county-test-key-0123456789abcdef".utf8)) }

    static func card(expired: Bool = false, idNumber: String = idNumber) -> CardHolder {
        CardHolder(name: name, idNumber: idNumber, cardType: .residentID, isExpired: expired, key: key)
    }
}

extension FlowConfiguration {
    static let test = FlowConfiguration(voicePrompts: true, dimAfterSeconds: 120, warningSeconds: 20,
                                        maintenancePIN: MaintenancePIN(pin: "2468", salt: "k-dev-01"), pinAttempts: 5,
                                        pinLockoutSeconds: 900, ticketLinkPrefix: "https://hall.invalid/q?")
}

/// A scripted journey: feeds events to a Flow one at a time, advancing a manual clock, and keeps
/// every effect. Every effect is checked for personal data as it comes out.
struct Journey {
    var flow: Flow
    var now: FlowTime
    var effects: [FlowEffect]

    /// Monday 2026-11-30 22:15, a night in the 24-hour zone.
    init(catalog: ServiceCatalog = .sample, configuration: FlowConfiguration = .test, at start: FlowTime = FlowTime(2026, 11, 30, 22, 15)) {
        flow = Flow(configuration: configuration, catalog: catalog, now: start)
        now = start
        effects = flow.start(at: start)
        Self.expectNoPersonalData(effects)
    }

    @discardableResult
    mutating func send(_ event: FlowEvent, after seconds: Int = 1) -> [FlowEffect] {
        now = now.adding(seconds: seconds)
        let produced = flow.handle(event, at: now)
        effects += produced
        Self.expectNoPersonalData(produced)
        return produced
    }

    @discardableResult
    mutating func tap(_ intent: Intent, after seconds: Int = 1) -> [FlowEffect] { send(.tapped(intent), after: seconds) }

    var screen: Screen { flow.view.screen }

    /// Touch, then open a service's guide.
    mutating func openGuide(_ serviceID: String) {
        tap(.wake)
        tap(.service(serviceID))
    }

    /// Through to a printed ticket for `serviceID` with the sample card: returns the print job's id.
    @discardableResult
    mutating func takeTicket(_ serviceID: String = "cold-drink-shop", number: String = "A005") -> RequestID {
        send(.printerChanged(.ready))
        send(.cardReaderChanged(.ready))
        openGuide(serviceID)
        tap(.takeTicket)
        send(.cardRead(SamplePerson.card()))
        let id = effects.hallRequests.last!.id
        send(.hallAnswered(.ticketAssigned(id, number: number, ahead: 4)))
        return id
    }

    static func expectNoPersonalData(_ effects: [FlowEffect], sourceLocation: SourceLocation = #_sourceLocation) {
        for effect in effects {
            let text = String(describing: effect)
            #expect(!text.contains(SamplePerson.idNumber), "full ID number in \(effect)", sourceLocation: sourceLocation)
            #expect(!text.contains(SamplePerson.name), "full name in \(effect)", sourceLocation: sourceLocation)
            #expect(!text.contains("三丰"), "given name in \(effect)", sourceLocation: sourceLocation)
            if case .journal(let record) = effect {
                #expect(PersonalData.firstResidentIDNumber(in: record.payloadJSON) == nil, sourceLocation: sourceLocation)
            }
        }
    }
}

extension HallRequest {
    var id: RequestID {
        switch self {
        case .ticket(let id, _, _, _), .checkIn(let id, _), .progress(let id, _): id
        }
    }
}

extension [FlowEffect] {
    var journals: [JournalRecord] { compactMap { if case .journal(let record) = $0 { record } else { nil } } }
    var journalKinds: [String] { journals.map(\.kind) }
    var shows: [KioskView] { compactMap { if case .show(let view) = $0 { view } else { nil } } }
    var hallRequests: [HallRequest] { compactMap { if case .askHall(let request) = $0 { request } else { nil } } }
    var printJobs: [PrintJob] { compactMap { if case .print(let job) = $0 { job } else { nil } } }
    var pollings: [CardPolling] { compactMap { if case .setCardPolling(let polling) = $0 { polling } else { nil } } }
    var wipes: Int { filter { $0 == .wipeCardData }.count }

    func index(ofJournal kind: String) -> Int? {
        firstIndex { if case .journal(let record) = $0 { record.kind == kind } else { false } }
    }

    var firstShowIndex: Int? { firstIndex { if case .show = $0 { true } else { false } } }
}

extension Screen {
    var isAttract: Bool { if case .attract = self { true } else { false } }
    var isHome: Bool { if case .home = self { true } else { false } }
    var notice: Notice? { if case .notice(let notice) = self { notice } else { nil } }
}
