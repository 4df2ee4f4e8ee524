#if canImport(Glibc)
import Glibc
#endif
import KioskValues

// The shared values never read the clock; kioskctl asks for today here, where a card's expiry
// is shown.
extension CalendarDate {
    /// Today in the machine's local time zone (the hall's: kiosks run on local time).
    public static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
