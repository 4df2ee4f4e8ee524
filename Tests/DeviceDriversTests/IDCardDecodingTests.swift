import DeviceDrivers
import KioskCore
import KioskSimulation
import Testing
import KioskValues

/// The 256-byte text block, field by field, at the spec's offsets.
struct IDCardDecodingTests {
    /// Writes `text` as UCS-2LE at a byte offset, as a card does.
    func put(_ text: String, at offset: Int, in block: inout [UInt8]) {
        for (index, unit) in text.utf16.enumerated() {
            block[offset + 2 * index] = UInt8(unit & 0xFF)
            block[offset + 2 * index + 1] = UInt8(unit >> 8)
        }
    }

    func blankBlock() -> [UInt8] {
        (0..<256).map { $0 % 2 == 0 ? 0x20 : 0x00 }
    }

    /// Should read a resident ID card from the spec's offsets, trimming the padding
    @Test func residentCardOffsets() throws {
        var block = blankBlock()
        put("欧阳娜娜", at: 0, in: &block)
        put("2", at: 30, in: &block)
        put("07", at: 32, in: &block)
        put("19600512", at: 36, in: &block)
        put("云南省昭通市巧家县药山镇示例村22号", at: 52, in: &block)
        put("530622196005120020", at: 122, in: &block)
        put("巧家县公安局", at: 158, in: &block)
        put("20100512", at: 188, in: &block)
        put("长期", at: 204, in: &block)
        let card = try IDCardText.decode(block, photo: [1, 2, 3])
        #expect(card.type == .residentID)
        #expect(card.name == "欧阳娜娜")
        #expect(card.sex == .female)
        #expect(card.nation == "彝族")
        #expect(card.birthDate == CalendarDate(year: 1960, month: 5, day: 12))
        #expect(card.address == "云南省昭通市巧家县药山镇示例村22号")
        #expect(card.idNumber == "530622196005120020")
        #expect(card.issuingAuthority == "巧家县公安局")
        #expect(card.validFrom == CalendarDate(year: 2010, month: 5, day: 12))
        #expect(card.validUntil == .never)
        #expect(card.idNumberProblems.isEmpty)
        #expect(!card.isExpired(on: CalendarDate(year: 2099, month: 1, day: 1)!))
        #expect(card.photo.count == 3)
    }

    /// Should read the residence permit's travel permit number and issue count at 220 and 238
    @Test func residencePermitOffsets() throws {
        var block = blankBlock()
        put("陈大文", at: 0, in: &block)
        put("1", at: 30, in: &block)
        put("810000199501011237", at: 122, in: &block)
        put("H12345678", at: 220, in: &block)
        put("03", at: 238, in: &block)
        put("J", at: 248, in: &block)
        let card = try IDCardText.decode(block, photo: [])
        #expect(card.type == .residencePermit)
        #expect(card.travelPermitNumber == "H12345678")
        #expect(card.issueCount == 3)
        #expect(card.nationCode == nil)
    }

    /// Should read the 2017 foreigner's card, whose layout differs entirely
    @Test func foreigner2017Offsets() throws {
        var block = blankBlock()
        put("SMITH, JOHN WILLIAM", at: 0, in: &block)
        put("1", at: 120, in: &block)
        put("USA310080010112", at: 122, in: &block)
        put("USA", at: 152, in: &block)
        put("史密斯", at: 158, in: &block)
        put("20170801", at: 188, in: &block)
        put("20270801", at: 204, in: &block)
        put("19800101", at: 220, in: &block)
        put("01", at: 236, in: &block)
        put("1500", at: 240, in: &block)
        put("I", at: 248, in: &block)
        let card = try IDCardText.decode(block, photo: [])
        #expect(card.type == .foreignerPermanentResidence2017)
        #expect(card.englishName == "SMITH, JOHN WILLIAM")
        #expect(card.name == "史密斯")
        #expect(card.idNumber == "USA310080010112")
        #expect(card.nationality == "USA")
        #expect(card.birthDate == CalendarDate(year: 1980, month: 1, day: 1))
        #expect(card.validUntil == .on(CalendarDate(year: 2027, month: 8, day: 1)!))
        #expect(card.cardVersion == "01")
        #expect(card.authorityCode == "1500")
        #expect(card.idNumberProblems.isEmpty)
    }

    /// Should join the 2023 card's two English-name fields and read its country at 242
    @Test func foreigner2023Offsets() throws {
        var block = blankBlock()
        put("玛丽", at: 0, in: &block)
        put("2", at: 30, in: &block)
        put("01", at: 32, in: &block)
        put("19920315", at: 36, in: &block)
        put("MARTIN, MARIE CLAIRE ELISABETH DE L", at: 52, in: &block)
        put("925011199203150027", at: 122, in: &block)
        put("20231201", at: 188, in: &block)
        put("20331201", at: 204, in: &block)
        put("A FONTAINE", at: 220, in: &block)
        put("FRA", at: 242, in: &block)
        put("Y", at: 248, in: &block)
        let card = try IDCardText.decode(block, photo: [])
        #expect(card.type == .foreignerPermanentResidence2023)
        #expect(card.englishName == "MARTIN, MARIE CLAIRE ELISABETH DE LA FONTAINE")
        #expect(card.renewalCount == 1)
        #expect(card.nationality == "FRA")
        #expect(card.idNumberProblems.isEmpty)
        #expect(card.maskedName == "玛*")
    }

    /// Should decode every sample card as the simulator encodes it (its own encoder), field for field
    @Test(arguments: SampleCards.names)
    func decodesSimulatedCards(_ name: String) throws {
        let sample = SampleCards.all[name]!
        let decoded = try IDCardReadResponse.decode(SimulatedIDCardReader.readData(for: sample))
        #expect(decoded == IDCard(expecting: sample))
    }

    /// Should flag the sample with a wrong check character, and the expired one
    @Test func checksOnSamples() {
        let today = CalendarDate(year: 2026, month: 11, day: 26)!
        #expect(IDCard(expecting: SampleCards.badNumber).idNumberProblems == [.checksum])
        #expect(IDCard(expecting: SampleCards.expired).isExpired(on: today))
        #expect(!IDCard(expecting: SampleCards.longTerm).isExpired(on: today))
        #expect(IDCard(expecting: SampleCards.rareName).name == "李䶮")
        for name in SampleCards.names where name != "bad-number" {
            #expect(IDCard(expecting: SampleCards.all[name]!).idNumberProblems.isEmpty, "\(name)")
        }
    }

    /// Should refuse a block of the wrong size and an unknown type character
    @Test func badBlocks() {
        #expect(throws: IDCardDecodingError.wrongTextSize(255)) { try IDCardText.decode([UInt8](repeating: 0x20, count: 255), photo: []) }
        var block = blankBlock()
        put("Q", at: 248, in: &block)
        #expect(throws: IDCardDecodingError.self) { try IDCardText.decode(block, photo: []) }
        // Lengths that claim more than arrived.
        #expect(throws: IDCardDecodingError.responseTooShort(260)) { try IDCardReadResponse.decode([0x01, 0x00, 0x04, 0x00] + [UInt8](repeating: 0x20, count: 256)) }
        #expect(throws: IDCardDecodingError.responseTooShort(2)) { try IDCardReadResponse.decode([0x01, 0x00]) }
    }

    /// Should never show personal data in descriptions, logs or dumps
    @Test func descriptionsAreMasked() {
        let card = IDCard(expecting: SampleCards.resident)
        let shown = ["\(card)", String(reflecting: card), String(describing: Mirror(reflecting: card).children.map(\.value))]
        for text in shown {
            #expect(!text.contains("张伟"))
            #expect(!text.contains("530622199001010012"))
            #expect(!text.contains("示例路"))
        }
        #expect("\(card)".contains("张*"))
        #expect("\(card.photo)" == "<WLT photo, 1024 bytes>")
    }

    /// Should map each SW3 to the citizen's message and a technician's advice
    @Test func statusMessages() {
        let readFailed = ReaderStatusError(command: .readTextAndPhoto, status: .readFailed)
        #expect(readFailed.citizenMessage == "读卡失败，请将身份证重新放置")
        #expect(readFailed.description.contains("SW3 41 (read failed)"))
        #expect(ReaderStatusError(command: .samStatus, status: .samSelfTestFailed).description.contains("replace the reader"))
        #expect(ReaderStatusError(command: .readTextAndPhoto, status: .samRejectedCard).citizenMessage == "身份证验证失败，请重新放置身份证")
        #expect(ReaderStatus(rawValue: 0x42).meaning == "undocumented status")
    }
}
