import DeviceDrivers
import Testing

struct InputEventDecoderTests {
    /// Should decode the kernel's 24-byte layout: time 16 bytes, type at 16, code at 18, value at 20
    @Test func decodesLayout() {
        // 1700000000 s, 250000 µs, EV_ABS (3), ABS_MT_TRACKING_ID (0x39), value -1.
        let bytes: [UInt8] = [0x00, 0xF1, 0x53, 0x65, 0, 0, 0, 0, 0x90, 0xD0, 0x03, 0, 0, 0, 0, 0, 0x03, 0x00, 0x39, 0x00, 0xFF, 0xFF, 0xFF, 0xFF]
        var decoder = InputEventDecoder()
        #expect(decoder.append(bytes) == [InputEvent(seconds: 1_700_000_000, microseconds: 250_000, type: 3, code: 0x39, value: -1)])
    }

    /// Should keep a partial event until its last byte arrives, fed one byte at a time
    @Test func keepsPartialEvents() {
        let event = InputEvent(seconds: 5, microseconds: 6, type: EventType.key, code: KeyCode.buttonTouch, value: 1)
        var decoder = InputEventDecoder()
        for byte in event.bytes.dropLast() {
            #expect(decoder.append([byte]).isEmpty)
        }
        #expect(decoder.pendingByteCount == 23)
        #expect(decoder.append([event.bytes.last!]) == [event])
        #expect(decoder.pendingByteCount == 0)
    }

    /// Should skip a record whose type cannot be an event (garbage) and decode the ones around it
    @Test func skipsGarbageRecords() {
        let garbage = [UInt8](repeating: 0xFF, count: 24)
        var decoder = InputEventDecoder()
        let decoded = decoder.append(InputEvent.abs(0, 1).bytes + garbage + InputEvent.report.bytes)
        #expect(decoded == [.abs(0, 1), .report])
        #expect(decoder.skippedRecords == 1)
    }

    /// Should hold a truncated event (a writer that stopped mid-record) without emitting it
    @Test func truncatedEventStaysPending() {
        var decoder = InputEventDecoder()
        #expect(decoder.append(InputEvent.report.bytes + Array(InputEvent.abs(0, 9).bytes.prefix(10))) == [.report])
        #expect(decoder.pendingByteCount == 10)
    }
}
