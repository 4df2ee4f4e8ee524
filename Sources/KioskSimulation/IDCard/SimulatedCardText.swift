/// The 256-byte text block a card read returns, written from the layouts in
/// docs/protocols/sam.md, "The text block": UCS-2 little-endian, every slot padded with spaces,
/// the kind's character at byte 248.
public enum SimulatedCardText {
    public static let size = 256

    /// The block for `card`. Text longer than its slot is cut at the slot's end.
    public static func block(for card: SimulatedCard) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: size)
        for index in stride(from: 0, to: size, by: 2) { block[index] = 0x20 }
        for (text, offset, length) in slots(of: card) {
            put(text, at: offset, length: length, in: &block)
        }
        put(card.kind.typeCharacter, at: 248, length: 2, in: &block)
        return block
    }

    /// (text, byte offset, byte length) of every field the card's layout has.
    static func slots(of card: SimulatedCard) -> [(String, Int, Int)] {
        switch card.kind {
        case .residentID:
            [(card.chineseName, 0, 30), (card.sexCode, 30, 2), (card.nationCode, 32, 4), (card.birthDate, 36, 16),
             (card.address, 52, 70), (card.idNumber, 122, 36), (card.issuingAuthority, 158, 30),
             (card.validFrom, 188, 16), (card.validUntil, 204, 16)]
        case .residencePermit:
            // 32..<36 is reserved here; 220 holds the travel permit, 238 how often it was issued.
            [(card.chineseName, 0, 30), (card.sexCode, 30, 2), (card.birthDate, 36, 16),
             (card.address, 52, 70), (card.idNumber, 122, 36), (card.issuingAuthority, 158, 30),
             (card.validFrom, 188, 16), (card.validUntil, 204, 16),
             (card.travelPermitNumber, 220, 18), (card.issueCount, 238, 4)]
        case .foreigner2017:
            [(card.englishName, 0, 120), (card.sexCode, 120, 2), (card.idNumber, 122, 30), (card.nationality, 152, 6),
             (card.chineseName, 158, 30), (card.validFrom, 188, 16), (card.validUntil, 204, 16), (card.birthDate, 220, 16),
             (card.cardVersion, 236, 4), (card.authorityCode, 240, 8)]
        case .foreigner2023:
            // The English name fills 35 characters at 52, and goes on at 220.
            [(card.chineseName, 0, 30), (card.sexCode, 30, 2), (card.renewalCount, 32, 4), (card.birthDate, 36, 16),
             (String(decoding: Array(card.englishName.utf16.prefix(35)), as: UTF16.self), 52, 70), (card.idNumber, 122, 36),
             (card.validFrom, 188, 16), (card.validUntil, 204, 16),
             (String(decoding: Array(card.englishName.utf16.dropFirst(35)), as: UTF16.self), 220, 22), (card.nationality, 242, 6),
             (card.previousNumberLink, 250, 6)]
        }
    }

    private static func put(_ text: String, at offset: Int, length: Int, in block: inout [UInt8]) {
        for (index, unit) in text.utf16.prefix(length / 2).enumerated() {
            block[offset + 2 * index] = UInt8(unit & 0xFF)
            block[offset + 2 * index + 1] = UInt8(unit >> 8)
        }
    }
}
