import DeviceDrivers
import Testing

/// Every command's bytes, as docs/protocols/escpos.md lists them.
struct ESCPOSEncoderTests {
    /// Should encode initialise, alignment, bold, size, feed and Chinese mode byte for byte
    @Test func basicCommands() throws {
        var encoder = ESCPOSEncoder()
        encoder.initialize()
        encoder.align(.centre)
        encoder.bold(true)
        encoder.bold(false)
        encoder.characterSize(width: 2, height: 3)
        encoder.feed(lines: 5)
        encoder.chineseMode(true)
        encoder.chinesePrintMode(doubleWidth: true, doubleHeight: true, underline: true)
        encoder.chineseMode(false)
        #expect(encoder.bytes == [0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1B, 0x45, 0x00,
                                  0x1D, 0x21, 0x12, 0x1B, 0x64, 0x05, 0x1C, 0x26, 0x1C, 0x21, 0x8C, 0x1C, 0x2E])
    }

    /// Should send Chinese text as GB18030 followed by LF
    @Test func chineseTextIsGB18030() throws {
        var encoder = ESCPOSEncoder()
        // 中 = D6 D0, 文 = CE C4 (as in GB2312 and GBK); € = A2 E3 in GB18030 (GBK had 80).
        try encoder.text("A中文€")
        #expect(encoder.bytes == [0x41, 0xD6, 0xD0, 0xCE, 0xC4, 0xA2, 0xE3, 0x0A])
    }

    /// Should use GB18030's four-byte form for characters outside GBK
    @Test func fourByteGB18030() throws {
        // U+00A5 YEN SIGN is not in GBK; GB18030 maps it to 81 30 84 36.
        #expect(try GB18030.encode("\u{A5}") == [0x81, 0x30, 0x84, 0x36])
        #expect(try GB18030.encode("\u{A5}中") == [0x81, 0x30, 0x84, 0x36, 0xD6, 0xD0])
    }

    /// Should encode the QR sequence: model 2, size, error level, store with pL pH = len+3, print
    @Test func nativeQRCode() throws {
        var encoder = ESCPOSEncoder()
        try encoder.qrCode(Array("HELLO".utf8), moduleSize: 6, errorCorrection: .medium)
        #expect(encoder.bytes == [
            0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,
            0x1D, 0x28, 0x6B, 0x08, 0x00, 0x31, 0x50, 0x30, 0x48, 0x45, 0x4C, 0x4C, 0x4F,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,
        ])
    }

    /// Should put the high length byte in pH for QR data over 252 bytes
    @Test func longQRLength() throws {
        var encoder = ESCPOSEncoder()
        try encoder.qrCode(Array(repeating: 0x41, count: 300))
        // 300 + 3 = 303 = 0x012F.
        let store = Array(encoder.bytes[25..<33])
        #expect(store == [0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30])
    }

    /// Should refuse empty and oversized QR data without appending anything
    @Test func badQRDataIsRejected() {
        var encoder = ESCPOSEncoder()
        #expect(throws: PrintEncodingError.invalidBarcode("a QR code needs data")) { try encoder.qrCode([]) }
        #expect(throws: PrintEncodingError.dataTooLong(what: "QR data", length: 7090, limit: 7089)) { try encoder.qrCode(Array(repeating: 0x30, count: 7090)) }
        #expect(encoder.bytes.isEmpty)
    }

    /// Should encode CODE128 with height, width, HRI and the {B selector counted in n
    @Test func code128() throws {
        var encoder = ESCPOSEncoder()
        try encoder.code128("A12", set: .b, height: 80, moduleWidth: 2)
        #expect(encoder.bytes == [0x1D, 0x68, 80, 0x1D, 0x77, 2, 0x1D, 0x48, 2, 0x1D, 0x6B, 73, 5, 0x7B, 0x42, 0x41, 0x31, 0x32])
    }

    /// Should refuse code set C data that is not an even number of digits, appending nothing
    @Test func code128SetCNeedsDigitPairs() {
        var encoder = ESCPOSEncoder()
        #expect(throws: PrintEncodingError.self) { try encoder.code128("123", set: .c) }
        #expect(throws: PrintEncodingError.self) { try encoder.code128("中", set: .b) }
        #expect(encoder.bytes.isEmpty)
    }

    /// Should encode the three cuts and the presenter commands
    @Test func cutsAndPresenter() {
        var encoder = ESCPOSEncoder()
        encoder.cut(.full)
        encoder.cut(.partial)
        encoder.cut(.feedAndPartial(lines: 3))
        encoder.present()
        encoder.eject()
        encoder.retract()
        encoder.presenterCut()
        #expect(encoder.bytes == [0x1D, 0x56, 0x00, 0x1D, 0x56, 0x01, 0x1D, 0x56, 0x42, 0x03,
                                  0x1D, 0x65, 0x03, 0x00, 0x1D, 0x65, 0x05, 0x1D, 0x65, 0x02, 0x1B, 0x69])
    }

    /// Should encode status requests and automatic status back
    @Test func statusCommands() {
        var encoder = ESCPOSEncoder()
        for kind in RealTimeStatusKind.allCases { encoder.requestStatus(kind) }
        encoder.automaticStatusBack(true)
        #expect(encoder.bytes == [0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4, 0x10, 0x04, 0x14, 0x1D, 0x61, 0x0F])
    }
}
