import KioskSimulation
import Testing

/// The simulated printer's GB18030 text.
struct SimulatedGB18030Tests {
    /// Should read GBK pairs and GB18030's four-byte form (U+00A5 is 81 30 84 36; 中 is D6 D0)
    @Test func twoAndFourByteCharacters() {
        #expect(SimulatedGB18030.decode([0x81, 0x30, 0x84, 0x36, 0xD6, 0xD0]) == "\u{A5}中")
        #expect(SimulatedGB18030.decode([0x41, 0xD6, 0xD0, 0xCE, 0xC4, 0xA2, 0xE3]) == "A中文€")
        // 䶮 (U+4DAE, the rare-name sample's) is FE 9F.
        #expect(SimulatedGB18030.decode([0xC0, 0xEE, 0xFE, 0x9F]) == "李䶮")
    }

    /// Should refuse a lead byte with nothing after it, and a byte that cannot lead
    @Test func truncatedTextIsRejected() {
        #expect(SimulatedGB18030.decode([0x41, 0xD6]) == nil)
        #expect(SimulatedGB18030.decode([0xFF]) == nil)
    }
}
