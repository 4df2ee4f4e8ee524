import KioskValues

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
