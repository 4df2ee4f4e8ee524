/// A checked-in booking's ticket.
public struct BookingCheckIn: Sendable, Equatable {
    public var number: String
    public var category: String
    public var serviceID: String
    public var ahead: Int

    public init(number: String, category: String, serviceID: String, ahead: Int) {
        self.number = number
        self.category = category
        self.serviceID = serviceID
        self.ahead = ahead
    }
}
