import KioskSimulation
import Testing

/// The simulator's text blocks at the offsets of docs/protocols/sam.md, "The text block".
struct SimulatedCardTextTests {
    /// The UCS-2LE text in `block[offset..<offset+length]`, padding spaces trimmed at the end.
    func field(_ block: [UInt8], _ offset: Int, _ length: Int) -> String {
        let units = stride(from: offset, to: offset + length, by: 2).map { UInt16(block[$0]) | UInt16(block[$0 + 1]) << 8 }
        var text = String(decoding: units, as: UTF16.self)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Should write a resident card's fields in their slots, a space at 248, and pad with spaces
    @Test func residentCard() {
        let block = SimulatedCardText.block(for: SampleCards.longTerm)
        #expect(block.count == 256)
        #expect(field(block, 0, 30) == "欧阳娜娜")
        #expect(field(block, 30, 2) == "2")
        #expect(field(block, 32, 4) == "07")
        #expect(field(block, 36, 16) == "19600512")
        #expect(field(block, 52, 70) == "云南省昭通市巧家县药山镇示例村22号")
        #expect(field(block, 122, 36) == "530622196005120020")
        #expect(field(block, 158, 30) == "巧家县公安局")
        #expect(field(block, 188, 16) == "20100512")
        #expect(field(block, 204, 16) == "长期")
        #expect(Array(block[248..<256]) == [0x20, 0, 0x20, 0, 0x20, 0, 0x20, 0])
        // 欧 is U+6B27: little-endian 27 6B.
        #expect(Array(block[0..<2]) == [0x27, 0x6B])
    }

    /// Should put the residence permit's travel permit at 220, its issue count at 238 and 'J' at 248
    @Test func residencePermit() {
        let block = SimulatedCardText.block(for: SampleCards.residencePermit)
        #expect(field(block, 32, 4) == "")
        #expect(field(block, 220, 18) == "H12345678")
        #expect(field(block, 238, 4) == "01")
        #expect(Array(block[248..<250]) == [0x4A, 0x00])
    }

    /// Should lay out the 2017 foreigner's card: English name first, 'I' at 248
    @Test func foreigner2017() {
        let block = SimulatedCardText.block(for: SampleCards.foreigner2017)
        #expect(field(block, 0, 120) == "SMITH, JOHN WILLIAM")
        #expect(field(block, 120, 2) == "1")
        #expect(field(block, 122, 30) == "USA310080010112")
        #expect(field(block, 152, 6) == "USA")
        #expect(field(block, 158, 30) == "史密斯")
        #expect(field(block, 220, 16) == "19800101")
        #expect(field(block, 236, 4) == "01")
        #expect(field(block, 240, 8) == "1500")
        #expect(Array(block[248..<250]) == [0x49, 0x00])
    }

    /// Should split a long English name on the 2023 card: 35 characters at 52, the rest at 220
    @Test func foreigner2023() {
        let block = SimulatedCardText.block(for: SampleCards.foreigner2023)
        #expect(field(block, 52, 70) == "MARTIN, MARIE CLAIRE ELISABETH DE L")
        #expect(field(block, 220, 22) == "A FONTAINE")
        #expect(field(block, 32, 4) == "00")
        #expect(field(block, 242, 6) == "FRA")
        #expect(Array(block[248..<250]) == [0x59, 0x00])
    }
}
