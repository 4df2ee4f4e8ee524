import HallProtocol
import KioskValues

/// The rules for records that hall staff import from other systems (bookings, case progress):
/// what kiosks read back from them must be well-formed, bounded and free of full ID numbers.
/// Each answer is the reason a record is refused, or nil. Pure; `kiosk-hall import-*` uses them.
public enum ImportChecks {
    public static func problem(in booking: Booking) -> String? {
        guard PersonalData.isKeyedHash(booking.holder) else { return "holder must be the keyed hash, 64 hex digits (never an ID number)" }
        guard isDay(booking.date) else { return "date must be YYYY-MM-DD" }
        guard (1...256).contains(booking.code.count) else { return "code must be 1 to 256 characters" }
        guard (1...16).contains(booking.category.count) else { return "category must be 1 to 16 characters" }
        guard booking.serviceID.count <= 128 else { return "serviceID must be at most 128 characters" }
        return idNumberProblem([("code", booking.code), ("category", booking.category), ("serviceID", booking.serviceID)])
    }

    public static func problem(in record: CaseProgress) -> String? {
        // The same rule as a kiosk's inquiry: a case that could never be asked for is a typo.
        guard (1...64).contains(record.caseNumber.count), record.caseNumber.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            return "caseNumber must be 1 to 64 letters, digits or '-'"
        }
        guard (1...200).contains(record.status.count) else { return "status must be 1 to 200 characters" }
        guard record.nextStep.count <= 500 else { return "nextStep must be at most 500 characters" }
        guard (0...HallProtocol.maximumTimestampMs).contains(record.updatedAtMs) else { return "updatedAtMs must be milliseconds from 1970 to 9999" }
        return idNumberProblem([("caseNumber", record.caseNumber), ("status", record.status), ("nextStep", record.nextStep)])
    }

    /// "2026-12-01": a day on the calendar, with the dashes where they belong.
    private static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return CalendarDate(yyyymmdd: String(decoding: bytes[0..<4] + bytes[5..<7] + bytes[8..<10], as: UTF8.self)) != nil
    }

    private static func idNumberProblem(_ fields: [(name: String, text: String)]) -> String? {
        fields.first { PersonalData.containsResidentIDNumber(decoded: $0.text) }.map { "\($0.name) holds a full ID number, which the hall never stores" }
    }
}
