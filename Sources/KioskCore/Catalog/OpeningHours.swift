import KioskValues

/// When the hall's windows are open. The 24-hour zone is always open; tickets taken outside these
/// hours are for the next working day.
public struct OpeningHours: Codable, Sendable, Equatable {
    /// ISO weekdays the windows open: 1 Monday ... 7 Sunday.
    public var weekdays: [Int]
    /// "09:00".
    public var opens: String
    /// "17:00".
    public var closes: String
    /// Public holidays when the hall is closed, "YYYY-MM-DD".
    public var closedDates: [String]
    /// Weekend days worked in exchange for a holiday (调休), "YYYY-MM-DD".
    public var extraWorkingDates: [String]

    public init(weekdays: [Int], opens: String, closes: String, closedDates: [String] = [], extraWorkingDates: [String] = []) {
        self.weekdays = weekdays
        self.opens = opens
        self.closes = closes
        self.closedDates = closedDates
        self.extraWorkingDates = extraWorkingDates
    }

    public static let weekdays9to5 = OpeningHours(weekdays: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00")

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let text = date.description
        if extraWorkingDates.contains(text) { return true }
        if closedDates.contains(text) { return false }
        return weekdays.contains(date.isoWeekday)
    }

    /// Seconds after midnight the windows open ("09:00" -> 32400); 9:00 if the text is malformed.
    public var opensSecondOfDay: Int { Self.secondOfDay(opens) ?? 9 * 3600 }

    /// The day a ticket taken at `now` is for: today if the windows have not opened yet on a
    /// working day, otherwise the next working day (searching at most 60 days ahead).
    public func ticketDay(at now: FlowTime) -> CalendarDate {
        if isWorkingDay(now.date) && now.secondOfDay < opensSecondOfDay { return now.date }
        var day = now.date
        for _ in 0..<60 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { return day }
        }
        return now.date.adding(days: 1)
    }

    static func secondOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 3600 + minute * 60
    }
}
