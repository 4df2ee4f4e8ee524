import KioskCore
import KioskValues

/// KioskUI's own words (button labels, headings), beside the Flow's `Message`s: each case has
/// Simplified Chinese and English, as short as a button allows.
enum UIText: Equatable {
    case hallName
    case back, home, help, finish, continueSession
    case takeTicket, printForm, checkIn, progressInquiry
    case delete, search, submit
    /// The other language's name, in that language, so a citizen who cannot read this one finds it.
    case switchLanguage(to: Language)
    case elderlyMode(on: Bool)
    /// The attract screen's button that starts in elderly mode.
    case startInElderlyMode
    /// ":" after a heading.
    case colon
    case hotline(String)
    case guideOnly
    case materials, steps, timeLimit, fees
    case ticketCategory(String)
    case ticketDay(CalendarDate)
    case ticketUnavailable
    case formUnavailable
    case ticketNumber, peopleAhead(Int), priority, goTo(String), issuedAt(String)
    case formPrintedTitle, formPrintedNextStep
    case caseNumber, phoneNumber
    case caseStatus, caseNextStep
    case ratingLevel(Int)
    case reason(DissatisfactionReason)
    case topic(ComplaintTopic)
    case skipRating, done, requestCallback
    case callbackNumber(String)
    case pinDigits(Int)
    case maintenanceTitle, printerState(PrinterState), readerState(CardReaderState), catalogVersion(Int)
    case outOfServiceSwitch(on: Bool), exitMaintenance
    case card, notAvailableHere

    func text(in language: Language) -> String {
        switch language {
        case .simplifiedChinese: chinese
        case .english: english
        }
    }

    private var chinese: String {
        switch self {
        case .hallName: "24小时政务服务自助终端"
        case .back: "返回"
        case .home: "首页"
        case .help: "求助"
        case .finish: "办完了"
        case .continueSession: "继续"
        case .takeTicket: "取号"
        case .printForm: "打印告知单"
        case .checkIn: "预约签到"
        case .progressInquiry: "办件进度查询"
        case .delete: "删除"
        case .search: "查询"
        case .submit: "提交"
        case .switchLanguage(let language): language == .english ? "English" : "中文"
        case .elderlyMode(let on): on ? "长辈模式：开" : "长辈模式：关"
        case .startInElderlyMode: "长辈模式（大字）"
        case .colon: "："
        case .hotline(let number): "咨询电话 \(number)"
        case .guideOnly: "（仅可看指南）"
        case .materials: "所需材料"
        case .steps: "办理流程"
        case .timeLimit: "办理时限"
        case .fees: "收费"
        case .ticketCategory(let name): "排队类别：\(name)"
        case .ticketDay(let date): "现在取号，适用于 \(date)"
        case .ticketUnavailable: "暂不能取号"
        case .formUnavailable: "暂不能打印告知单"
        case .ticketNumber: "您的号码"
        case .peopleAhead(let count): "前面还有 \(count) 人"
        case .priority: "预约优先"
        case .goTo(let location): "请到 \(location)"
        case .issuedAt(let time): "取号时间 \(time)"
        case .formPrintedTitle: "告知单已打印，请取走"
        case .formPrintedNextStep: "请在下方出纸口取走告知单"
        case .caseNumber: "办件编号"
        case .phoneNumber: "手机号码"
        case .caseStatus: "办理状态"
        case .caseNextStep: "下一步"
        case .ratingLevel(let level): ["非常不满意", "不满意", "基本满意", "满意", "非常满意"][level - 1]
        case .reason(let reason):
            switch reason {
            case .couldNotGetItDone: "事情没办成"
            case .hardToUse: "机器不好用"
            case .deviceFault: "设备有故障"
            case .informationWrong: "信息有错误"
            case .other: "其他原因"
            }
        case .topic(let topic):
            switch topic {
            case .couldNotGetItDone: "办不成事"
            case .deviceProblem: "设备问题"
            case .serviceAttitude: "服务态度"
            case .waitingTime: "等候时间"
            case .other: "其他问题"
            }
        case .skipRating: "不评价"
        case .done: "完成"
        case .requestCallback: "请工作人员回电"
        case .callbackNumber(let masked): "回电号码 \(masked)"
        case .pinDigits(let count): count == 0 ? "（未输入）" : String(repeating: "● ", count: count)
        case .maintenanceTitle: "维护"
        case .printerState(let state):
            switch state {
            case .ready: "打印机：正常"
            case .paperNearEnd: "打印机：纸将用完"
            case .paperOut: "打印机：缺纸"
            case .coverOpen: "打印机：机盖打开"
            case .cutterError: "打印机：切刀故障"
            case .offline: "打印机：离线"
            case .unknown: "打印机：状态未知"
            }
        case .readerState(let state): "身份证阅读器：\(state == .ready ? "正常" : state == .faulted ? "故障" : "未知")"
        case .catalogVersion(let version): "事项目录版本：\(version)"
        case .outOfServiceSwitch(let on): on ? "暂停服务" : "恢复服务"
        case .exitMaintenance: "退出维护"
        case .card: "身份证感应区在下方"
        case .notAvailableHere: "此处不可用"
        }
    }

    private var english: String {
        switch self {
        case .hallName: "24-hour Government Services Kiosk"
        case .back: "Back"
        case .home: "Home"
        case .help: "Help"
        case .finish: "I'm done"
        case .continueSession: "Continue"
        case .takeTicket: "Take a ticket"
        case .printForm: "Print the form"
        case .checkIn: "Booking check-in"
        case .progressInquiry: "Case progress"
        case .delete: "Delete"
        case .search: "Search"
        case .submit: "Submit"
        case .switchLanguage(let language): language == .english ? "English" : "中文"
        case .elderlyMode(let on): on ? "Large text: on" : "Large text: off"
        case .startInElderlyMode: "Large text"
        case .colon: ": "
        case .hotline(let number): "Hotline \(number)"
        case .guideOnly: " (guide only)"
        case .materials: "What to bring"
        case .steps: "Steps"
        case .timeLimit: "Time limit"
        case .fees: "Fees"
        case .ticketCategory(let name): "Queue: \(name)"
        case .ticketDay(let date): "A ticket taken now is for \(date)"
        case .ticketUnavailable: "No tickets now"
        case .formUnavailable: "The form cannot be printed now"
        case .ticketNumber: "Your number"
        case .peopleAhead(let count): count == 1 ? "1 person ahead of you" : "\(count) people ahead of you"
        case .priority: "Booking: served first"
        case .goTo(let location): "Go to \(location)"
        case .issuedAt(let time): "Issued \(time)"
        case .formPrintedTitle: "Your form is printed"
        case .formPrintedNextStep: "Take the form from the slot below"
        case .caseNumber: "Case number"
        case .phoneNumber: "Mobile number"
        case .caseStatus: "Status"
        case .caseNextStep: "Next step"
        case .ratingLevel(let level): ["Very dissatisfied", "Dissatisfied", "Acceptable", "Satisfied", "Very satisfied"][level - 1]
        case .reason(let reason):
            switch reason {
            case .couldNotGetItDone: "Could not get it done"
            case .hardToUse: "Hard to use"
            case .deviceFault: "The machine failed"
            case .informationWrong: "Wrong information"
            case .other: "Something else"
            }
        case .topic(let topic):
            switch topic {
            case .couldNotGetItDone: "Could not get it done"
            case .deviceProblem: "Machine problem"
            case .serviceAttitude: "Staff attitude"
            case .waitingTime: "Waiting time"
            case .other: "Something else"
            }
        case .skipRating: "Skip"
        case .done: "Done"
        case .requestCallback: "Ask staff to call me"
        case .callbackNumber(let masked): "We will call \(masked)"
        case .pinDigits(let count): count == 0 ? "(nothing typed)" : String(repeating: "● ", count: count)
        case .maintenanceTitle: "Maintenance"
        case .printerState(let state): "Printer: \(state.rawValue)"
        case .readerState(let state): "ID card reader: \(state.rawValue)"
        case .catalogVersion(let version): "Catalog version: \(version)"
        case .outOfServiceSwitch(let on): on ? "Take out of service" : "Back in service"
        case .exitMaintenance: "Leave maintenance"
        case .card: "The ID card reader is below"
        case .notAvailableHere: "Not available here"
        }
    }
}
