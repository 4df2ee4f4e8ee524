import Crypto
import KioskValues

/// What the Flow may know about the person whose card was read: masked forms for the screen and
/// the keyed hash of the ID number for "one ticket per person per category per day". Never the
/// full name or number: kioskd builds this from the reader's `IDCard` and drops the rest.
public struct CardHolder: Sendable, Equatable {
    public enum CardType: String, Sendable, Equatable, Codable {
        case residentID = "resident_id"
        /// Hong Kong, Macao and Taiwan residents' residence permit ('J').
        case residencePermit = "residence_permit"
        /// Foreigner's permanent residence card (2017 'I' and 2023 'Y').
        case foreignPermanentResident = "foreign_permanent_resident"
    }

    /// "张*".
    public var maskedName: String
    /// "530622********0026".
    public var maskedNumber: String
    /// `PersonalData.linkingHash(ofIDNumber:key:)`, lowercase hex.
    public var linkingHash: String
    public var cardType: CardType
    public var isExpired: Bool

    public init(maskedName: String, maskedNumber: String, linkingHash: String, cardType: CardType, isExpired: Bool) {
        self.maskedName = maskedName
        self.maskedNumber = maskedNumber
        self.linkingHash = linkingHash
        self.cardType = cardType
        self.isExpired = isExpired
    }

    /// Masks `name` and `idNumber` and hashes the number with the county's key at once; the full
    /// values are not kept.
    public init(name: String, idNumber: String, cardType: CardType, isExpired: Bool, key: SymmetricKey) {
        self.init(maskedName: PersonalData.maskedName(name), maskedNumber: PersonalData.maskedIDNumber(idNumber),
                  linkingHash: PersonalData.linkingHash(ofIDNumber: idNumber, key: key), cardType: cardType, isExpired: isExpired)
    }
}
