import KioskValues

@testable import KioskCore

/// A representative value of every `Screen` case (and the variants that draw differently), with
/// the sample catalog where a screen shows services.
enum ScreenSamples {
    static let hotline = ServiceCatalog.sample.hotlineOrDefault
    static let day = CalendarDate(year: 2026, month: 12, day: 1)!

    static var all: [(name: String, screen: Screen)] {
        [
            ("attract", .attract(isDimmed: false)),
            ("attract-dimmed", .attract(isDimmed: true)),
            ("home", .home(home(printer: .ready))),
            ("home-paper-out", .home(home(printer: .paperOut))),
            ("home-paged", .home(home(printer: .ready, page: 1, perPage: HomeScreen.tilesPerPage(elderlyMode: true)))),
            ("guide", .guide(guide(id: "housing-fund-buy", unavailable: nil))),
            ("guide-paper-out", .guide(guide(id: "cold-drink-shop", unavailable: .printerCannotPrint(.paperOut)))),
            ("insert-card", .insertCard(.ticket(serviceName: "住房公积金提取（购房、建房）"))),
            ("working", .working(.printingTicket)),
            ("ticket-issued", .ticketIssued(ticket)),
            ("form-printed", .formPrinted(title: "购建房提取住房公积金一次性告知单")),
            ("check-in", .checkIn),
            ("case-number-entry", .caseNumberEntry(caseNumber: "20261130001234")),
            ("progress-found", .progress(.found(caseNumber: "20261130001234", status: "审批中", nextStep: "请等待短信通知后到 2楼 B区 12号窗口领取"))),
            ("progress-not-found", .progress(.notFound(caseNumber: "123"))),
            ("progress-offline", .progress(.offline)),
            ("rating", .rating(.chooseLevel)),
            ("rating-reason", .rating(.chooseReason(level: 1))),
            ("rating-thanks-callback", .ratingThanks(offerCallback: true)),
            ("rating-thanks", .ratingThanks(offerCallback: false)),
            ("complaint", .complaint(ComplaintScreen(topic: .deviceProblem, phoneDigits: "1381234", problem: .phoneIncomplete))),
            ("complaint-filed", .complaintFiled(phoneMasked: "138****1234")),
            ("notice", .notice(Notice(.ticketNotIssued, .ticketNotIssuedNextStep(.paperOut, hotline: hotline)))),
            ("out-of-service", .outOfService(.outOfService(hotline: hotline, opens: "09:00"))),
            ("pin-entry", .pinEntry(PINEntryScreen(digitsEntered: 3, failures: 1, attemptsLeft: 4, lockedUntil: nil))),
            ("pin-locked", .pinEntry(PINEntryScreen(digitsEntered: 0, failures: 5, attemptsLeft: 0, lockedUntil: FlowTime(2026, 11, 30, 23, 30)))),
            ("maintenance", .maintenance(MaintenanceScreen(printer: .paperNearEnd, cardReader: .ready, isOutOfService: false, catalogVersion: 3))),
        ]
    }

    static func view(_ screen: Screen, _ language: Language, elderly: Bool, countdown: Int? = nil) -> KioskView {
        KioskView(screen: screen, language: language, elderlyMode: elderly, countdown: countdown, hotline: hotline)
    }

    /// The sample catalog's services on one page, or page `page` of `perPage` each.
    static func home(printer: PrinterState, page: Int = 0, perPage: Int = .max) -> HomeScreen {
        let reason: Message? = printer.canPrint ? nil : .printerCannotPrint(printer)
        let services = ServiceCatalog.sample.services
        let tiles = services.dropFirst(page * min(perPage, services.count)).prefix(perPage).map { service in
            ServiceTile(serviceID: service.id, name: service.name, location: service.location,
                        unavailableReason: service.ticketCategory == nil && service.guide?.form == nil ? nil : reason)
        }
        return HomeScreen(tiles: Array(tiles), notices: reason.map { [$0] } ?? [], holderMaskedName: "张*",
                          page: page, pageCount: perPage >= services.count ? 1 : (services.count + perPage - 1) / perPage)
    }

    static func guide(id: String, unavailable: Message?) -> GuideScreen {
        let service = ServiceCatalog.sample.service(id: id)!
        return GuideScreen(serviceID: id, name: service.name, location: service.location, guide: service.guide,
                           ticketCategoryName: service.ticketCategory.flatMap { ServiceCatalog.sample.category(prefix: $0)?.name },
                           ticketUnavailableReason: unavailable, formTitle: service.guide?.form?.title,
                           formUnavailableReason: unavailable, ticketDay: day)
    }

    static let ticket = TicketSlip(number: "B012", categoryName: "住房公积金", serviceName: "住房公积金提取（租房）",
                                   location: "2楼 B区 12号窗口", ahead: 3, forDate: day, issuedAt: "2026-11-30 22:15",
                                   isPriority: false, qrText: "https://hall.example.gov.cn/q/20261201/B012")
}
