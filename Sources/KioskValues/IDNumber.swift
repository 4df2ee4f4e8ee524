/// Checks on an 18-character identity number (GB 11643-1999): the mainland resident ID, and the
/// same form used by Hong Kong/Macao/Taiwan residence permits and the 2023 foreigner's card.
public enum IDNumber {
    /// What is wrong with a number; empty when it checks out.
    public enum Problem: String, Sendable, Equatable, Codable {
        case length = "not 18 characters"
        case characters = "not 17 digits and a digit or X"
        case regionCode = "region code is not a known province"
        case birthDate = "birth date inside the number is not a date"
        case birthDateMismatch = "birth date inside the number differs from the card's"
        case checksum = "check character is wrong (MOD 11-2)"
    }

    /// Province-level codes (first two digits) that exist, plus 81/82/83 for residence permits
    /// and 91 for the 2023 foreigner's card (ISO 3166 numeric country follows).
    static let provinceCodes: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                                          41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
                                          71, 81, 82, 83, 91]

    /// Every problem with `number`; `birthDate` is the date printed on the card (YYYYMMDD), if any.
    public static func problems(_ number: String, birthDate: String? = nil) -> [Problem] {
        let characters = Array(number.utf8)
        guard characters.count == 18 else { return [.length] }
        let digits = characters.prefix(17)
        guard digits.allSatisfy({ (48...57).contains($0) }),
              (48...57).contains(characters[17]) || characters[17] == UInt8(ascii: "X") || characters[17] == UInt8(ascii: "x")
        else { return [.characters] }

        var problems: [Problem] = []
        let province = Int(String(decoding: characters[0..<2], as: UTF8.self))!
        if !provinceCodes.contains(province) { problems.append(.regionCode) }
        let embedded = String(decoding: characters[6..<14], as: UTF8.self)
        if CalendarDate(yyyymmdd: embedded) == nil {
            problems.append(.birthDate)
        } else if let birthDate, birthDate != embedded {
            problems.append(.birthDateMismatch)
        }
        if !PersonalData.isResidentIDNumber(number) { problems.append(.checksum) }
        return problems
    }
}
