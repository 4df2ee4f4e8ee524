import DeviceDrivers
import KioskCore

/// Fictional people on every card type, for the reader simulator, tests and demos. Names,
/// addresses and numbers are invented (the numbers have valid check characters so that the
/// kiosk's checks pass, except where a sample exists to fail them).
public enum SampleCards {
    public static let all: [String: IDCard] = [
        "resident": resident,
        "long-term": longTerm,
        "rare-name": rareName,
        "permit": residencePermit,
        "foreigner-2017": foreigner2017,
        "foreigner-2023": foreigner2023,
        "expired": expired,
        "bad-number": badNumber,
    ]

    public static let names = all.keys.sorted()

    static func date(_ text: String) -> CalendarDate { CalendarDate(yyyymmdd: text)! }

    /// A 1024-byte stand-in for the WLT photo: WLT cannot be produced without the vendor's
    /// encoder, and kioskd never decodes it anyway.
    public static let photo: [UInt8] = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 0x57) }

    public static let resident = IDCard(
        type: .residentID, name: "张伟", sex: .male, nationCode: "01", birthDate: date("19900101"),
        address: "云南省昭通市巧家县白鹤滩镇示例路1号", idNumber: "530622199001010012", issuingAuthority: "巧家县公安局",
        validFrom: date("20150101"), validUntil: .on(date("20350101")), photo: WLTPhoto(bytes: photo))

    /// 长期: cards issued at 46 or older never expire.
    public static let longTerm = IDCard(
        type: .residentID, name: "欧阳娜娜", sex: .female, nationCode: "07", birthDate: date("19600512"),
        address: "云南省昭通市巧家县药山镇示例村22号", idNumber: "530622196005120020", issuingAuthority: "巧家县公安局",
        validFrom: date("20100512"), validUntil: .never, photo: WLTPhoto(bytes: photo))

    /// 䶮 (U+4DAE) is in CJK Extension A: fonts and encodings that stop at GB2312 lose it.
    public static let rareName = IDCard(
        type: .residentID, name: "李䶮", sex: .male, nationCode: "03", birthDate: date("19851111"),
        address: "云南省昭通市巧家县大寨镇示例街8号", idNumber: "530622198511110035", issuingAuthority: "巧家县公安局",
        validFrom: date("20160301"), validUntil: .on(date("20360301")), photo: WLTPhoto(bytes: photo))

    public static let residencePermit = IDCard(
        type: .residencePermit, name: "陈大文", sex: .male, birthDate: date("19950101"),
        address: "云南省昭通市巧家县白鹤滩镇示例路5号", idNumber: "810000199501011237", issuingAuthority: "巧家县公安局",
        validFrom: date("20200601"), validUntil: .on(date("20250601")), travelPermitNumber: "H12345678", issueCount: 1,
        photo: WLTPhoto(bytes: photo))

    public static let foreigner2017 = IDCard(
        type: .foreignerPermanentResidence2017, name: "史密斯", englishName: "SMITH, JOHN WILLIAM", sex: .male,
        nationality: "USA", birthDate: date("19800101"), idNumber: "USA310080010112",
        validFrom: date("20170801"), validUntil: .on(date("20270801")), cardVersion: "01", authorityCode: "1500",
        photo: WLTPhoto(bytes: photo))

    /// A long English name, split across the card's two English-name fields.
    public static let foreigner2023 = IDCard(
        type: .foreignerPermanentResidence2023, name: "玛丽", englishName: "MARTIN, MARIE CLAIRE ELISABETH DE LA FONTAINE",
        sex: .female, nationality: "FRA", birthDate: date("19920315"), idNumber: "925011199203150027",
        validFrom: date("20231201"), validUntil: .on(date("20331201")), renewalCount: 0,
        photo: WLTPhoto(bytes: photo))

    public static let expired = IDCard(
        type: .residentID, name: "王芳", sex: .female, nationCode: "01", birthDate: date("19700707"),
        address: "云南省昭通市巧家县示例路9号", idNumber: "530622197007070041", issuingAuthority: "巧家县公安局",
        validFrom: date("20000707"), validUntil: .on(date("20200707")), photo: WLTPhoto(bytes: photo))

    /// The check character is wrong (1 where X belongs): the kiosk must notice.
    public static let badNumber = IDCard(
        type: .residentID, name: "赵强", sex: .male, nationCode: "01", birthDate: date("19880808"),
        address: "云南省昭通市巧家县示例路10号", idNumber: "530622198808080051", issuingAuthority: "巧家县公安局",
        validFrom: date("20180808"), validUntil: .on(date("20380808")), photo: WLTPhoto(bytes: photo))
}
