// libFuzzer target for the bookings file (`kiosk-hall import-bookings`): a JSON array of
// Booking, each checked by ImportChecks before anything is stored. Built by `make fuzz` from
// those files (see the Makefile's FUZZ_SOURCES_bookings).

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func bookingsFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Data(UnsafeBufferPointer(start: data, count: size))
    guard let bookings = try? JSONDecoder().decode([Booking].self, from: file) else { return 0 }
    guard let encoded = try? JSONEncoder().encode(bookings), let again = try? JSONDecoder().decode([Booking].self, from: encoded), again == bookings else {
        fatalError("\(bookings) do not survive encoding and decoding")
    }
    for booking in bookings {
        if let problem = ImportChecks.problem(in: booking) {
            require(!problem.isEmpty, "a refusal without a reason")
            continue
        }
        // Accepted: the holder is what kioskd sends (HMAC-SHA256 as 64 ASCII hex digits, lowercased
        // when stored), the date a day on the calendar, the texts bounded and free of ID numbers.
        require(booking.holder.utf8.count == 64 && booking.holder.utf8.allSatisfy(isASCIIHexDigit), "accepted holder '\(booking.holder)'")
        require(isCalendarDate(booking.date), "accepted date '\(booking.date)'")
        require((1...256).contains(booking.code.count) && (1...16).contains(booking.category.count) && booking.serviceID.count <= 128,
                "accepted texts out of bounds")
        for text in [booking.code, booking.category, booking.serviceID] {
            require(!PersonalData.containsResidentIDNumber(decoded: text), "accepted a full ID number: '\(text)'")
        }
    }
    return 0
}

func isASCIIHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
}

/// "YYYY-MM-DD" naming a real day.
func isCalendarDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.map(\.utf8.count) == [4, 2, 2], parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else { return false }
    var components = DateComponents(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
    components.calendar = Calendar(identifier: .gregorian)
    return components.isValidDate
}
