import DeviceDrivers
import Testing

/// Replies picked out of the IN stream by their bit patterns.
struct PrinterReplyDecoderTests {
    /// Should return a DLE EOT reply byte as one real-time reply
    @Test func realTimeReply() {
        var decoder = PrinterReplyDecoder()
        #expect(decoder.feed([0x12]) == [.realTime(0x12)])
    }

    /// Should separate an automatic status block that arrives before the reply
    @Test func automaticStatusBeforeReply() {
        var decoder = PrinterReplyDecoder()
        // ASB: 0x10 (0xx1xx00), then 0x00 0x0C 0x00 (each 0xx0xxxx: paper near end in byte 3); then the reply 0x16.
        #expect(decoder.feed([0x10, 0x00, 0x0C, 0x00, 0x16]) == [.automaticStatus([0x10, 0x00, 0x0C, 0x00]), .realTime(0x16)])
    }

    /// Should wait for the rest of an automatic status block, fed one byte at a time, then the reply
    @Test func dripFedAutomaticStatus() {
        var decoder = PrinterReplyDecoder()
        #expect(decoder.feed([0x14]).isEmpty)
        #expect(decoder.feed([0x00]).isEmpty)
        #expect(decoder.feed([0x00]).isEmpty)
        #expect(decoder.feed([0x0F]) == [.automaticStatus([0x14, 0x00, 0x00, 0x0F])])
        #expect(decoder.feed([0x12]) == [.realTime(0x12)])
    }

    /// Should drop bytes that fit no reply and still find the reply after them
    @Test func garbageIsDropped() {
        var decoder = PrinterReplyDecoder()
        // 0xFF, 0x00, 0x41 fit nothing; 0x10 followed by 0x80 cannot be ASB.
        #expect(decoder.feed([0xFF, 0x00, 0x41, 0x10, 0x80, 0x1A]) == [.realTime(0x1A)])
        #expect(decoder.discardedBytes == 5)
    }

    /// Should read 10 0F and four bytes as full status only while one was requested
    @Test func fullStatusWhenExpected() {
        var decoder = PrinterReplyDecoder()
        decoder.expectingFullStatus = true
        #expect(decoder.feed([0x10, 0x0F, 0x01]).isEmpty)
        #expect(decoder.feed([0x00, 0x00, 0x00]) == [.full(FullStatus(paper: 0x01, user: 0, recoverable: 0, unrecoverable: 0))])
        #expect(decoder.expectingFullStatus == false)
    }

    /// Should take an unsolicited ASB block before a full status without confusing the two
    @Test func automaticStatusBeforeFullStatus() {
        var decoder = PrinterReplyDecoder()
        decoder.expectingFullStatus = true
        #expect(decoder.feed([0x18, 0x00, 0x00, 0x00, 0x10, 0x0F, 0x04, 0x00, 0x00, 0x00]) ==
                [.automaticStatus([0x18, 0x00, 0x00, 0x00]), .full(FullStatus(paper: 0x04, user: 0, recoverable: 0, unrecoverable: 0))])
    }
}
