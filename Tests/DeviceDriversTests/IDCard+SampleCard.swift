import DeviceDrivers
import KioskSimulation
import KioskValues

extension IDCard {
    /// What the driver must make of a simulated card: the chip's texts in the driver's types.
    /// Written here, field by field, so that the simulator's card and the driver's share no code.
    init(expecting sample: SimulatedCard) {
        let type: CardType = switch sample.kind {
        case .residentID: .residentID
        case .residencePermit: .residencePermit
        case .foreigner2017: .foreignerPermanentResidence2017
        case .foreigner2023: .foreignerPermanentResidence2023
        }
        let sex: Sex = switch sample.sexCode {
        case "1": .male
        case "2": .female
        case "9": .notStated
        default: .unknown
        }
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        self.init(
            type: type, name: sample.chineseName, englishName: sample.englishName, sex: sex,
            nationCode: optional(sample.nationCode), nationality: optional(sample.nationality),
            birthDate: CalendarDate(yyyymmdd: sample.birthDate), address: sample.address, idNumber: sample.idNumber,
            issuingAuthority: sample.issuingAuthority, validFrom: CalendarDate(yyyymmdd: sample.validFrom),
            validUntil: sample.validUntil == "长期" ? .never : .on(CalendarDate(yyyymmdd: sample.validUntil)!),
            travelPermitNumber: optional(sample.travelPermitNumber), issueCount: Int(sample.issueCount),
            renewalCount: Int(sample.renewalCount), previousNumberLink: optional(sample.previousNumberLink),
            cardVersion: optional(sample.cardVersion), authorityCode: optional(sample.authorityCode),
            photo: WLTPhoto(bytes: sample.photo))
    }
}
