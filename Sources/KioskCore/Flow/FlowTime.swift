import KioskValues

/// A moment in the hall's local time (China has no daylight saving), to the second. kioskd reads
/// its clock and passes one with every event; the Flow never reads a clock itself.
public struct FlowTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    /// 0 ..< 86400.
    public var secondOfDay: Int

    public init(date: CalendarDate, secondOfDay: Int) {
        precondition((0..<86_400).contains(secondOfDay), "secondOfDay \(secondOfDay) is not within a day")
        self.date = date
        self.secondOfDay = secondOfDay
    }

    /// e.g. `FlowTime(2026, 11, 30, 22, 15)`; traps on an impossible date or time (a test's typo).
    public init(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) {
        guard let date = CalendarDate(year: year, month: month, day: day) else { fatalError("no such date \(year)-\(month)-\(day)") }
        self.init(date: date, secondOfDay: hour * 3600 + minute * 60 + second)
    }

    /// Seconds since 1970-01-01 00:00 local time: only for differences.
    public var seconds: Int { date.dayNumber * 86_400 + secondOfDay }

    public func adding(seconds delta: Int) -> FlowTime {
        let total = seconds + delta
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        guard let date = CalendarDate(dayNumber: days) else { fatalError("Internal inconsistency: time out of range") }
        return FlowTime(date: date, secondOfDay: total - days * 86_400)
    }

    public static func < (lhs: FlowTime, rhs: FlowTime) -> Bool { lhs.seconds < rhs.seconds }

    /// "22:15".
    public var clockText: String {
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// "2026-11-30 22:15".
    public var description: String { "\(date) \(clockText)" }
}
