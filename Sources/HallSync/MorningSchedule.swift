import Foundation

/// The daily reconciliation time, in the kiosk's local time zone.
struct MorningSchedule: Sendable {
    let hour: Int
    let minute: Int

    /// The first occurrence of hour:minute strictly after `date`.
    func next(after date: Date, calendar: Calendar = .current) -> Date {
        let components = DateComponents(hour: hour, minute: minute, second: 0)
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime) ?? date.addingTimeInterval(86400)
    }
}
