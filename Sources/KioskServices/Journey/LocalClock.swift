#if canImport(Glibc)
import Glibc
#endif
import KioskCore
import KioskValues

/// The hall's local time as the Flow counts it, from the system clock and time zone (the kiosk's
/// zone is Asia/Shanghai; set it with timedatectl).
enum LocalClock {
    static func now() -> FlowTime {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        guard let date = CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) else {
            fatalError("Internal inconsistency: localtime_r gave an impossible date")
        }
        // A leap second (tm_sec 60) counts as the minute's last second.
        return FlowTime(date: date, secondOfDay: Int(parts.tm_hour) * 3600 + Int(parts.tm_min) * 60 + min(Int(parts.tm_sec), 59))
    }
}
