import KioskValues

/// The 256-byte text block of a card read (UCS-2LE, padded with spaces), and its layout for
/// each card type (docs/protocols/sam.md, "The text block").
public enum IDCardText {
    public static let size = 256
    static let typeOffset = 248

    enum Field: Hashable {
        case name, englishName, englishNameContinued, sex, nationCode, nationality, birthDate, address, idNumber
        case issuingAuthority, validFrom, validUntil, travelPermitNumber, issueCount, renewalCount
        case previousNumberLink, cardVersion, authorityCode
    }

    /// (field, byte offset, byte length) in the text block.
    static func layout(of type: IDCard.CardType) -> [(Field, Int, Int)] {
        switch type {
        case .residentID, .residencePermit:
            var fields: [(Field, Int, Int)] = [
                (.name, 0, 30), (.sex, 30, 2), (.birthDate, 36, 16), (.address, 52, 70),
                (.idNumber, 122, 36), (.issuingAuthority, 158, 30), (.validFrom, 188, 16), (.validUntil, 204, 16),
            ]
            if type == .residentID {
                fields.append((.nationCode, 32, 4))
            } else {
                fields += [(.travelPermitNumber, 220, 18), (.issueCount, 238, 4)]
            }
            return fields
        case .foreignerPermanentResidence2017:
            return [
                (.englishName, 0, 120), (.sex, 120, 2), (.idNumber, 122, 30), (.nationality, 152, 6), (.name, 158, 30),
                (.validFrom, 188, 16), (.validUntil, 204, 16), (.birthDate, 220, 16), (.cardVersion, 236, 4), (.authorityCode, 240, 8),
            ]
        case .foreignerPermanentResidence2023:
            return [
                (.name, 0, 30), (.sex, 30, 2), (.renewalCount, 32, 4), (.birthDate, 36, 16), (.englishName, 52, 70),
                (.idNumber, 122, 36), (.validFrom, 188, 16), (.validUntil, 204, 16), (.englishNameContinued, 220, 22),
                (.nationality, 242, 6), (.previousNumberLink, 250, 6),
            ]
        }
    }

    /// Decodes a text block and its photo into a card, every field trimmed.
    /// - Throws: `IDCardDecodingError` for a block of the wrong size or an unknown card type.
    public static func decode(_ text: [UInt8], photo: [UInt8]) throws(IDCardDecodingError) -> IDCard {
        guard text.count == size else { throw .wrongTextSize(text.count) }
        let typeCharacter = string(text, at: typeOffset, length: 2, trimmed: false)
        guard let type = IDCard.CardType.allCases.first(where: { String($0.typeCharacter) == typeCharacter }) else {
            throw .unknownCardType(typeCharacter)
        }
        var values: [Field: String] = [:]
        for (field, offset, length) in layout(of: type) {
            values[field] = string(text, at: offset, length: length, trimmed: true)
        }
        let value = { (field: Field) in values[field] ?? "" }
        let optional = { (field: Field) in values[field].flatMap { $0.isEmpty ? nil : $0 } }
        var englishName = value(.englishName)
        if let continued = optional(.englishNameContinued) {
            // The 2023 card splits a long English name across two fields.
            englishName += continued
        }
        return IDCard(
            type: type,
            name: value(.name),
            englishName: englishName,
            sex: IDCard.Sex(code: value(.sex)),
            nationCode: optional(.nationCode),
            nationality: optional(.nationality),
            birthDate: CalendarDate(yyyymmdd: value(.birthDate)),
            address: value(.address),
            idNumber: value(.idNumber),
            issuingAuthority: value(.issuingAuthority),
            validFrom: CalendarDate(yyyymmdd: value(.validFrom)),
            validUntil: expiry(value(.validUntil)),
            travelPermitNumber: optional(.travelPermitNumber),
            issueCount: optional(.issueCount).flatMap { Int($0) },
            renewalCount: optional(.renewalCount).flatMap { Int($0) },
            previousNumberLink: optional(.previousNumberLink),
            cardVersion: optional(.cardVersion),
            authorityCode: optional(.authorityCode),
            photo: WLTPhoto(bytes: photo))
    }

    static func expiry(_ text: String) -> IDCard.Expiry {
        if text == "长期" { return .never }
        if let date = CalendarDate(yyyymmdd: text) { return .on(date) }
        return .unreadable(text)
    }

    /// UCS-2LE text in `bytes[offset..<offset+length]`; trimmed of the padding spaces (and of
    /// NULs, which some readers pad with instead).
    static func string(_ bytes: [UInt8], at offset: Int, length: Int, trimmed: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(length / 2)
        for index in stride(from: offset, to: offset + length - 1, by: 2) {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
        }
        let text = String(decoding: units, as: UTF16.self)
        guard trimmed else { return text }
        let padding: Set<Character> = [" ", "\u{0}", "\u{3000}"]
        return String(text.drop(while: { padding.contains($0) }).reversed().drop(while: { padding.contains($0) }).reversed())
    }
}

public enum IDCardDecodingError: Error, Equatable, CustomStringConvertible {
    case wrongTextSize(Int)
    case unknownCardType(String)
    case responseTooShort(Int)

    public var description: String {
        switch self {
        case .wrongTextSize(let size): "the card's text block is \(size) bytes, not 256"
        case .unknownCardType(let character): "unknown card type character '\(character.unicodeScalars.map { "U+\(String($0.value, radix: 16))" }.joined())' at offset 248"
        case .responseTooShort(let size): "the read response holds \(size) bytes, fewer than its lengths announce"
        }
    }
}
