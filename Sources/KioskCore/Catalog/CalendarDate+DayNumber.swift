import KioskValues

extension CalendarDate {
    /// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The date `dayNumber` days after 1970-01-01. Howard Hinnant's civil_from_days.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// 1 Monday ... 7 Sunday. 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7
        return weekday + 1
    }

    /// The date `days` later (earlier if negative). Traps outside CalendarDate's years 1900-2199.
    public func adding(days: Int) -> CalendarDate {
        guard let date = CalendarDate(dayNumber: dayNumber + days) else {
            fatalError("Internal inconsistency: \(self) + \(days) days is outside 1900-2199")
        }
        return date
    }
}
