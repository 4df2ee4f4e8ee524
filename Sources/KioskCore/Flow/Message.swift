import KioskValues

/// Every text the Flow shows or speaks to a citizen, as a value. `text(in:)` is the localisation
/// table: each case has Simplified Chinese and English, short, and says what to do next.
public enum Message: Sendable, Equatable {
    case touchToStart
    case chooseService
    case printerCannotPrint(PrinterState)
    case cardReaderFaulted
    case placeCard(serviceName: String)
    case gettingTicketNumber
    case printingTicket
    case printingForm
    case checkingBooking
    case lookingUpCase
    case checkInPrompt
    case enterCaseNumber
    case rateVisit
    case whyDissatisfied
    case thanksForRating
    case complaintPrompt
    case chooseComplaintTopic
    case phoneIncomplete
    case complaintFiled(hotline: String)
    case idleWarning(seconds: Int)
    case ticketNotIssued
    case ticketNotIssuedNextStep(PrinterState, hotline: String)
    case formNotPrinted
    case formNotPrintedNextStep(PrinterState)
    case hallUnreachable
    case hallUnreachableTicketNextStep(opens: String)
    case cardExpired
    case cardExpiredNextStep
    case alreadyHasTicket(categoryName: String)
    case alreadyHasTicketNextStep
    case noBooking
    case noBookingNextStep
    case cardUnreadable
    case cardUnreadableNextStep
    case notRecorded
    case notRecordedNextStep(hotline: String)
    case caseNotFound
    case caseNotFoundNextStep
    case progressOffline(hotline: String)
    case outOfService(hotline: String, opens: String)
    case enterPIN
    case wrongPIN(attemptsLeft: Int)
    case pinLocked(until: String)
    case ticketFor(CalendarDate)
    case previousPage
    case nextPage
    /// "第 2/3 页": `page` counts from 1.
    case pageOf(page: Int, count: Int)

    public func text(in language: Language) -> String {
        switch language {
        case .simplifiedChinese: chinese
        case .english: english
        }
    }

    private var chinese: String {
        switch self {
        case .touchToStart: "请触摸屏幕开始，或放上身份证"
        case .chooseService: "请选择要办理的事项"
        case .printerCannotPrint(let state): "打印机\(state.chineseName)，暂不能打印；办事指南仍可查看"
        case .cardReaderFaulted: "身份证阅读器暂不能使用；办事指南仍可查看"
        case .placeCard(let name): "取号（\(name)）：请将身份证放在下方感应区"
        case .gettingTicketNumber: "正在取号，请稍候"
        case .printingTicket: "正在打印号票，请稍候"
        case .printingForm: "正在打印告知单，请稍候"
        case .checkingBooking: "正在查询预约，请稍候"
        case .lookingUpCase: "正在查询办件进度，请稍候"
        case .checkInPrompt: "预约签到：请扫描预约二维码，或放上身份证"
        case .enterCaseNumber: "请输入办件编号，然后按“查询”"
        case .rateVisit: "请为本次服务评价"
        case .whyDissatisfied: "请告诉我们不满意的原因"
        case .thanksForRating: "谢谢您的评价"
        case .complaintPrompt: "请选择问题类型并留下手机号，工作人员会回电"
        case .chooseComplaintTopic: "请先选择问题类型"
        case .phoneIncomplete: "请输入 11 位手机号码"
        case .complaintFiled(let hotline): "已记录，工作日内会回电给您。急事请拨 \(hotline)"
        case .idleWarning(let seconds): "\(seconds) 秒后将结束办理，继续请点“继续”"
        case .ticketNotIssued: "号票没有打印出来，本次取号无效"
        case .ticketNotIssuedNextStep(let state, let hotline):
            "打印机\(state.chineseName)。请开门后到大厅入口取号，或拨打 \(hotline)"
        case .formNotPrinted: "告知单没有打印出来"
        case .formNotPrintedNextStep(let state): "打印机\(state.chineseName)。可在屏幕上查看办事指南，或开门后到服务台领取"
        case .hallUnreachable: "暂时连接不上大厅系统"
        case .hallUnreachableTicketNextStep(let opens): "请稍后再试，或于 \(opens) 开门后到大厅入口取号"
        case .cardExpired: "身份证已过期"
        case .cardExpiredNextStep: "请携带有效证件，于工作时间到综合窗口办理"
        case .alreadyHasTicket(let name): "您今天已取过“\(name)”的号"
        case .alreadyHasTicketNextStep: "每人每类每天限取一个号，请保管好已取的号票"
        case .noBooking: "没有找到您今天的预约"
        case .noBookingNextStep: "请核对预约日期，或直接取号"
        case .cardUnreadable: "没有读到身份证"
        case .cardUnreadableNextStep: "请把身份证平放在感应区，不要移动，直到听到提示"
        case .notRecorded: "本机暂时无法记录，操作没有完成"
        case .notRecordedNextStep(let hotline): "请使用旁边的自助机，或拨打 \(hotline)"
        case .caseNotFound: "没有找到这个办件编号"
        case .caseNotFoundNextStep: "请核对回执上的编号后重新输入"
        case .progressOffline(let hotline): "暂时连接不上大厅系统，查不到进度。请稍后再试，或拨打 \(hotline)"
        case .outOfService(let hotline, let opens): "本机暂停服务。请使用旁边的自助机，或于 \(opens) 开门后到服务台办理；咨询 \(hotline)"
        case .enterPIN: "请输入维护密码"
        case .wrongPIN(let left): "密码错误，还可尝试 \(left) 次"
        case .pinLocked(let until): "尝试次数过多，\(until) 后再试"
        case .ticketFor(let date): "号票适用日期：\(date)"
        case .previousPage: "上一页"
        case .nextPage: "下一页"
        case .pageOf(let page, let count): "第 \(page)/\(count) 页"
        }
    }

    private var english: String {
        switch self {
        case .touchToStart: "Touch the screen to start, or place your ID card"
        case .chooseService: "Choose what you need to do"
        case .printerCannotPrint(let state): "Printer: \(state.rawValue). Printing is not possible now; guides can still be read"
        case .cardReaderFaulted: "The ID card reader is not working; guides can still be read"
        case .placeCard(let name): "Ticket for \(name): place your ID card on the reader below"
        case .gettingTicketNumber: "Getting your number, please wait"
        case .printingTicket: "Printing your ticket, please wait"
        case .printingForm: "Printing the notification form, please wait"
        case .checkingBooking: "Looking for your booking, please wait"
        case .lookingUpCase: "Looking up your case, please wait"
        case .checkInPrompt: "Booking check-in: scan your booking's QR code or place your ID card"
        case .enterCaseNumber: "Enter the case number, then press Search"
        case .rateVisit: "Please rate this visit"
        case .whyDissatisfied: "Please tell us what went wrong"
        case .thanksForRating: "Thank you for your rating"
        case .complaintPrompt: "Choose what the problem is and leave your mobile number; staff will call you back"
        case .chooseComplaintTopic: "First choose what the problem is"
        case .phoneIncomplete: "Enter an 11-digit mobile number"
        case .complaintFiled(let hotline): "Recorded. Staff will call you back on a working day. Urgent: call \(hotline)"
        case .idleWarning(let seconds): "Ending in \(seconds) s. Tap Continue to keep going"
        case .ticketNotIssued: "Your ticket was not printed, so no number was issued"
        case .ticketNotIssuedNextStep(let state, let hotline):
            "Printer: \(state.rawValue). Take a ticket at the hall entrance when it opens, or call \(hotline)"
        case .formNotPrinted: "The form was not printed"
        case .formNotPrintedNextStep(let state): "Printer: \(state.rawValue). Read the guide on screen, or ask at the service desk when the hall opens"
        case .hallUnreachable: "The hall's system cannot be reached right now"
        case .hallUnreachableTicketNextStep(let opens): "Try again later, or take a ticket at the hall entrance when it opens at \(opens)"
        case .cardExpired: "This ID card has expired"
        case .cardExpiredNextStep: "Bring a valid ID to the general window during working hours"
        case .alreadyHasTicket(let name): "You already have a ticket for \(name) today"
        case .alreadyHasTicketNextStep: "One ticket per person per category per day; keep the ticket you have"
        case .noBooking: "No booking found for today"
        case .noBookingNextStep: "Check your booking's date, or take a ticket"
        case .cardUnreadable: "The ID card could not be read"
        case .cardUnreadableNextStep: "Lay the card flat on the reader and keep it still until you hear the prompt"
        case .notRecorded: "This kiosk cannot record right now; nothing was done"
        case .notRecordedNextStep(let hotline): "Use the next kiosk, or call \(hotline)"
        case .caseNotFound: "No case with this number"
        case .caseNotFoundNextStep: "Check the number on your receipt and enter it again"
        case .progressOffline(let hotline): "The hall's system cannot be reached, so progress is unavailable. Try later or call \(hotline)"
        case .outOfService(let hotline, let opens): "Out of service. Use the next kiosk, or the service desk when the hall opens at \(opens); call \(hotline)"
        case .enterPIN: "Enter the maintenance PIN"
        case .wrongPIN(let left): "Wrong PIN, \(left) tries left"
        case .pinLocked(let until): "Too many tries; try again after \(until)"
        case .ticketFor(let date): "Ticket valid on \(date)"
        case .previousPage: "Previous"
        case .nextPage: "More"
        case .pageOf(let page, let count): "Page \(page) of \(count)"
        }
    }
}
