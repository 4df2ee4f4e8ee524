/// Fictional people on every card type, for the reader simulator, tests and demos. Names,
/// addresses and numbers are invented (the numbers have valid check characters so that the
/// kiosk's checks pass, except where a sample exists to fail them).
public enum SampleCards {
    public static let all: [String: SimulatedCard] = [
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

    /// A 1024-byte stand-in for the WLT photo: WLT cannot be produced without the vendor's
    /// encoder, and kioskd never decodes it anyway.
    public static let photo: [UInt8] = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 0x57) }

    public static let resident = SimulatedCard(
        kind: .residentID, chineseName: "张伟", sexCode: "1", nationCode: "01", birthDate: "19900101",
        address: "云南省昭通市巧家县白鹤滩镇示例路1号", idNumber: "530622199001010012", issuingAuthority: "巧家县公安局",
        validFrom: "20150101", validUntil: "20350101", photo: photo)

    /// 长期: cards issued at 46 or older never expire.
    public static let longTerm = SimulatedCard(
        kind: .residentID, chineseName: "欧阳娜娜", sexCode: "2", nationCode: "07", birthDate: "19600512",
        address: "云南省昭通市巧家县药山镇示例村22号", idNumber: "530622196005120020", issuingAuthority: "巧家县公安局",
        validFrom: "20100512", validUntil: "长期", photo: photo)

    /// 䶮 (U+4DAE) is in CJK Extension A: fonts and encodings that stop at GB2312 lose it.
    public static let rareName = SimulatedCard(
        kind: .residentID, chineseName: "李䶮", sexCode: "1", nationCode: "03", birthDate: "19851111",
        address: "云南省昭通市巧家县大寨镇示例街8号", idNumber: "530622198511110035", issuingAuthority: "巧家县公安局",
        validFrom: "20160301", validUntil: "20360301", photo: photo)

    public static let residencePermit = SimulatedCard(
        kind: .residencePermit, chineseName: "陈大文", sexCode: "1", birthDate: "19950101",
        address: "云南省昭通市巧家县白鹤滩镇示例路5号", idNumber: "810000199501011237", issuingAuthority: "巧家县公安局",
        validFrom: "20200601", validUntil: "20250601", travelPermitNumber: "H12345678", issueCount: "01", photo: photo)

    public static let foreigner2017 = SimulatedCard(
        kind: .foreigner2017, chineseName: "史密斯", englishName: "SMITH, JOHN WILLIAM", sexCode: "1",
        nationality: "USA", birthDate: "19800101", idNumber: "USA310080010112",
        validFrom: "20170801", validUntil: "20270801", cardVersion: "01", authorityCode: "1500", photo: photo)

    /// A long English name, split across the card's two English-name fields.
    public static let foreigner2023 = SimulatedCard(
        kind: .foreigner2023, chineseName: "玛丽", englishName: "MARTIN, MARIE CLAIRE ELISABETH DE LA FONTAINE",
        sexCode: "2", nationality: "FRA", birthDate: "19920315", idNumber: "925011199203150027",
        validFrom: "20231201", validUntil: "20331201", renewalCount: "00", photo: photo)

    public static let expired = SimulatedCard(
        kind: .residentID, chineseName: "王芳", sexCode: "2", nationCode: "01", birthDate: "19700707",
        address: "云南省昭通市巧家县示例路9号", idNumber: "530622197007070041", issuingAuthority: "巧家县公安局",
        validFrom: "20000707", validUntil: "20200707", photo: photo)

    /// The check character is wrong (1 where X belongs): the kiosk must notice.
    public static let badNumber = SimulatedCard(
        kind: .residentID, chineseName: "赵强", sexCode: "1", nationCode: "01", birthDate: "19880808",
        address: "云南省昭通市巧家县示例路10号", idNumber: "530622198808080051", issuingAuthority: "巧家县公安局",
        validFrom: "20180808", validUntil: "20380808", photo: photo)
}
