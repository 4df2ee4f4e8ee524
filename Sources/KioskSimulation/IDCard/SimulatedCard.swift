/// A card as its chip holds it: every field the text the reader returns, dates as YYYYMMDD,
/// codes as digits. The simulator's own type, so that it needs nothing from the driver it
/// feeds; tests say what the driver must make of each field.
public struct SimulatedCard: Sendable, Equatable {
    /// The four layouts of the text block, told apart by the character at byte 248.
    public enum Kind: String, Sendable, CaseIterable {
        /// 居民身份证: ' '.
        case residentID
        /// 港澳台居民居住证: 'J'.
        case residencePermit
        /// 外国人永久居留身份证 (2017): 'I'.
        case foreigner2017
        /// 外国人永久居留身份证 (2023): 'Y'.
        case foreigner2023

        var typeCharacter: String {
            switch self {
            case .residentID: " "
            case .residencePermit: "J"
            case .foreigner2017: "I"
            case .foreigner2023: "Y"
            }
        }
    }

    public var kind: Kind
    public var chineseName: String
    /// Foreigners' cards only.
    public var englishName: String
    /// "1" male, "2" female (GB/T 2261.1; "0" unknown, "9" not stated).
    public var sexCode: String
    /// Two digits of GB 3304, resident ID cards only.
    public var nationCode: String
    /// Three letters, foreigners' cards only.
    public var nationality: String
    public var birthDate: String
    public var address: String
    public var idNumber: String
    public var issuingAuthority: String
    public var validFrom: String
    /// YYYYMMDD, or 长期 for a card that never expires.
    public var validUntil: String
    /// Residence permits.
    public var travelPermitNumber: String
    public var issueCount: String
    /// 2023 foreigner's card.
    public var renewalCount: String
    public var previousNumberLink: String
    /// 2017 foreigner's card.
    public var cardVersion: String
    public var authorityCode: String
    /// The 1024-byte WLT photo.
    public var photo: [UInt8]

    public init(kind: Kind, chineseName: String, englishName: String = "", sexCode: String, nationCode: String = "", nationality: String = "",
                birthDate: String, address: String = "", idNumber: String, issuingAuthority: String = "", validFrom: String, validUntil: String,
                travelPermitNumber: String = "", issueCount: String = "", renewalCount: String = "", previousNumberLink: String = "",
                cardVersion: String = "", authorityCode: String = "", photo: [UInt8]) {
        self.kind = kind
        self.chineseName = chineseName
        self.englishName = englishName
        self.sexCode = sexCode
        self.nationCode = nationCode
        self.nationality = nationality
        self.birthDate = birthDate
        self.address = address
        self.idNumber = idNumber
        self.issuingAuthority = issuingAuthority
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.travelPermitNumber = travelPermitNumber
        self.issueCount = issueCount
        self.renewalCount = renewalCount
        self.previousNumberLink = previousNumberLink
        self.cardVersion = cardVersion
        self.authorityCode = authorityCode
        self.photo = photo
    }
}
