import KioskValues

/// What a reader read from an identity card. Holds personal data in the clear: keep it in
/// memory only for the session, never log, store or send it. Its descriptions and mirror are
/// masked, so an accidental `print`, log interpolation or `dump` shows only the masked forms.
public struct IDCard: Sendable, Equatable {
    public enum CardType: String, Sendable, Codable, CaseIterable {
        /// 居民身份证.
        case residentID = "resident_id"
        /// 港澳台居民居住证 ('J').
        case residencePermit = "residence_permit"
        /// 外国人永久居留身份证, 2017 edition ('I').
        case foreignerPermanentResidence2017 = "foreigner_2017"
        /// 外国人永久居留身份证, 2023 edition ('Y').
        case foreignerPermanentResidence2023 = "foreigner_2023"

        /// The UCS-2 character at offset 248 of the text block.
        public var typeCharacter: Character {
            switch self {
            case .residentID: " "
            case .residencePermit: "J"
            case .foreignerPermanentResidence2017: "I"
            case .foreignerPermanentResidence2023: "Y"
            }
        }

        public var chineseName: String {
            switch self {
            case .residentID: "居民身份证"
            case .residencePermit: "港澳台居民居住证"
            case .foreignerPermanentResidence2017, .foreignerPermanentResidence2023: "外国人永久居留身份证"
            }
        }

        public var englishName: String {
            switch self {
            case .residentID: "resident identity card"
            case .residencePermit: "Hong Kong/Macao/Taiwan residence permit"
            case .foreignerPermanentResidence2017: "foreigner's permanent residence card (2017)"
            case .foreignerPermanentResidence2023: "foreigner's permanent residence card (2023)"
            }
        }
    }

    public enum Sex: String, Sendable, Codable {
        case unknown, male, female, notStated = "not_stated"

        /// GB/T 2261.1 codes as written on the card: 0, 1, 2, 9.
        init(code: String) {
            switch code {
            case "1", "M": self = .male
            case "2", "F": self = .female
            case "9": self = .notStated
            default: self = .unknown
            }
        }

        public var code: String {
            switch self {
            case .unknown: "0"
            case .male: "1"
            case .female: "2"
            case .notStated: "9"
            }
        }

        public var chineseName: String {
            switch self {
            case .male: "男"
            case .female: "女"
            case .unknown, .notStated: "未说明"
            }
        }
    }

    /// When the card stops being valid.
    public enum Expiry: Sendable, Equatable {
        case on(CalendarDate)
        /// 长期: no expiry (issued to people aged 46 and over).
        case never
        /// The field held neither a date nor 长期.
        case unreadable(String)
    }

    public var type: CardType
    /// The Chinese name; may be empty on a 2017 foreigner's card.
    public var name: String
    /// Foreigners' cards only; empty otherwise.
    public var englishName: String
    public var sex: Sex
    /// GB 3304 code ("01") on resident ID cards; nil on other types.
    public var nationCode: String?
    /// ISO 3166 alpha-3 code on foreigners' cards; nil on other types.
    public var nationality: String?
    public var birthDate: CalendarDate?
    /// Empty on foreigners' cards.
    public var address: String
    /// 18 characters; 15 on the 2017 foreigner's card.
    public var idNumber: String
    /// Empty on foreigners' cards (the 2017 card has `authorityCode`).
    public var issuingAuthority: String
    public var validFrom: CalendarDate?
    public var validUntil: Expiry
    /// Residence permits: the travel permit's number and how often it was issued.
    public var travelPermitNumber: String?
    public var issueCount: Int?
    /// 2023 foreigner's card.
    public var renewalCount: Int?
    public var previousNumberLink: String?
    /// 2017 foreigner's card.
    public var cardVersion: String?
    public var authorityCode: String?
    public var photo: WLTPhoto

    public init(type: CardType, name: String, englishName: String = "", sex: Sex, nationCode: String? = nil, nationality: String? = nil,
                birthDate: CalendarDate?, address: String = "", idNumber: String, issuingAuthority: String = "",
                validFrom: CalendarDate?, validUntil: Expiry, travelPermitNumber: String? = nil, issueCount: Int? = nil,
                renewalCount: Int? = nil, previousNumberLink: String? = nil, cardVersion: String? = nil, authorityCode: String? = nil,
                photo: WLTPhoto = WLTPhoto(bytes: [])) {
        self.type = type
        self.name = name
        self.englishName = englishName
        self.sex = sex
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

    /// "汉族" for a resident ID card with code 01; nil when the card carries no nation.
    public var nation: String? { nationCode.flatMap(Nation.name(code:)) }

    /// 欧*** (or the English name masked when the card has no Chinese name).
    public var maskedName: String { PersonalData.maskedName(name.isEmpty ? englishName : name) }
    /// 530622********0026.
    public var maskedIDNumber: String { PersonalData.maskedIDNumber(idNumber) }

    /// Problems with the ID number (checksum, birth date, region); empty when it checks out.
    /// The 2017 foreigner's card has a 15-character number with no published check: it is only
    /// checked for shape.
    public var idNumberProblems: [IDNumber.Problem] {
        if type == .foreignerPermanentResidence2017 {
            let shapeOK = idNumber.count == 15 && idNumber.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            return shapeOK ? [] : [.characters]
        }
        let problems = IDNumber.problems(idNumber, birthDate: birthDate?.compact)
        if type == .foreignerPermanentResidence2023 {
            // 9, then the ISO 3166 numeric country code, where residents have a province code.
            return idNumber.hasPrefix("9") ? problems.filter { $0 != .regionCode } : problems + [.regionCode]
        }
        return problems
    }

    /// True when the card's validity ended before `day`. A long-term card never expires; an
    /// unreadable date counts as expired, so that staff look at the card.
    public func isExpired(on day: CalendarDate) -> Bool {
        switch validUntil {
        case .never: false
        case .on(let end): end < day
        case .unreadable: true
        }
    }
}

extension IDCard: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "\(type.englishName) \(maskedName) \(maskedIDNumber)" }
    public var debugDescription: String { "IDCard(\(description))" }
    public var customMirror: Mirror {
        Mirror(self, children: ["type": type, "maskedName": maskedName, "maskedIDNumber": maskedIDNumber], displayStyle: .struct)
    }
}

/// The card's photo in the proprietary WLT wavelet format. No open decoder exists, so it stays
/// opaque: it is never decoded, written to a file, logged or sent anywhere.
public struct WLTPhoto: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    private let bytes: [UInt8]
    public init(bytes: [UInt8]) { self.bytes = bytes }
    public var count: Int { bytes.count }
    public var description: String { "<WLT photo, \(bytes.count) bytes>" }
    public var customMirror: Mirror { Mirror(self, children: ["count": bytes.count]) }
}
