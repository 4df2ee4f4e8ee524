/// `POST /v1/kiosks/{kioskID}/checkins`: check in today's booking, found by the booking's QR code
/// or by the holder's keyed hash (HMAC-SHA256 of the ID number with the county's key, never the
/// number). 200 with a `CheckInAnswer`, or 404 `not_found` when there is no booking for today.
/// Idempotent: checking in the same booking again answers the same priority number.
public struct CheckInRequest: Codable, Sendable, Equatable {
    public var protocolVersion: Int
    public var kioskID: String
    /// A UUID the kiosk makes once per check-in.
    public var requestID: String
    /// The booking's QR code text, or nil.
    public var code: String?
    /// The holder's keyed hash (64 lowercase hex digits), or nil. One of the two is required.
    public var holder: String?
    /// Today, "YYYY-MM-DD": a booking is checked in on its own day.
    public var forDate: String

    public init(protocolVersion: Int = HallProtocol.version, kioskID: String, requestID: String, code: String?, holder: String?, forDate: String) {
        self.protocolVersion = protocolVersion
        self.kioskID = kioskID
        self.requestID = requestID
        self.code = code
        self.holder = holder
        self.forDate = forDate
    }
}

public struct CheckInAnswer: Codable, Sendable, Equatable {
    public var requestID: String
    /// The priority number: "Y", the category prefix and a three-digit number, e.g. "YB003".
    public var number: String
    public var category: String
    public var serviceID: String
    /// Checked-in bookings of the same category and day before this one.
    public var ahead: Int

    public init(requestID: String, number: String, category: String, serviceID: String, ahead: Int) {
        self.requestID = requestID
        self.number = number
        self.category = category
        self.serviceID = serviceID
        self.ahead = ahead
    }
}

/// One booking as the booking system exports it (`kiosk-hall import-bookings`).
public struct Booking: Codable, Sendable, Equatable {
    /// The text of the booking's QR code.
    public var code: String
    /// The holder's keyed hash (see `CheckInRequest.holder`).
    public var holder: String
    /// The day booked, "YYYY-MM-DD".
    public var date: String
    public var category: String
    public var serviceID: String

    public init(code: String, holder: String, date: String, category: String, serviceID: String) {
        self.code = code
        self.holder = holder
        self.date = date
        self.category = category
        self.serviceID = serviceID
    }
}

extension HallProtocol {
    public static func checkInsPath(kioskID: String) -> String { "\(pathPrefix)/kiosks/\(kioskID)/checkins" }
}
