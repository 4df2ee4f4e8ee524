/// A document to print, with the id its `FlowEvent.printed` answer will carry.
public struct PrintJob: Sendable, Equatable {
    public var id: RequestID
    public var document: PrintDocument

    public init(id: RequestID, document: PrintDocument) {
        self.id = id
        self.document = document
    }
}

/// What is printed, as content; kioskd lays it out with the printer's document model.
public enum PrintDocument: Sendable, Equatable {
    case ticket(TicketSlip)
    case form(FormSheet)
}

/// A queue ticket: number, service, where to go, people ahead, when, and a QR code to follow the
/// queue and rate the service.
public struct TicketSlip: Sendable, Equatable {
    public var number: String
    public var categoryName: String
    public var serviceName: String
    public var location: String
    public var ahead: Int
    /// The working day it is for.
    public var forDate: CalendarDate
    /// "2026-11-30 22:15".
    public var issuedAt: String
    /// A booking's check-in ticket, served first.
    public var isPriority: Bool
    /// The QR code's text: the configuration's link prefix with the date and number.
    public var qrText: String

    public init(number: String, categoryName: String, serviceName: String, location: String, ahead: Int, forDate: CalendarDate, issuedAt: String, isPriority: Bool, qrText: String) {
        self.number = number
        self.categoryName = categoryName
        self.serviceName = serviceName
        self.location = location
        self.ahead = ahead
        self.forDate = forDate
        self.issuedAt = issuedAt
        self.isPriority = isPriority
        self.qrText = qrText
    }
}

/// A one-time notification form: every material and step of an integrated service on one sheet.
public struct FormSheet: Sendable, Equatable {
    public var formID: String
    public var title: String
    public var serviceName: String
    public var departments: [String]
    public var materials: [String]
    public var steps: [String]
    public var timeLimit: String
    public var fees: String
    public var location: String
    public var hotline: String
    public var printedAt: String

    public init(formID: String, title: String, serviceName: String, departments: [String], materials: [String], steps: [String], timeLimit: String, fees: String, location: String, hotline: String, printedAt: String) {
        self.formID = formID
        self.title = title
        self.serviceName = serviceName
        self.departments = departments
        self.materials = materials
        self.steps = steps
        self.timeLimit = timeLimit
        self.fees = fees
        self.location = location
        self.hotline = hotline
        self.printedAt = printedAt
    }
}
