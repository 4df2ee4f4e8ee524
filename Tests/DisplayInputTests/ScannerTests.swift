import DeviceDrivers
import Testing

/// Key events a US-layout scanner sends to type `text` and Enter (shift held around shifted characters).
func scannerKeystrokes(_ text: String) -> [InputEvent] {
    let plain: [Character: UInt16] = Dictionary(uniqueKeysWithValues: zip("1234567890-=", 2...13).map { ($0, UInt16($1)) }
        + zip("qwertyuiop[]", 16...27).map { ($0, UInt16($1)) } + zip("asdfghjkl;'`", 30...41).map { ($0, UInt16($1)) }
        + zip("\\zxcvbnm,./", 43...53).map { ($0, UInt16($1)) })
    let shifted: [Character: UInt16] = Dictionary(uniqueKeysWithValues: zip("!@#$%^&*()_+", 2...13).map { ($0, UInt16($1)) }
        + zip("QWERTYUIOP{}", 16...27).map { ($0, UInt16($1)) } + zip("ASDFGHJKL:\"~", 30...41).map { ($0, UInt16($1)) }
        + zip("|ZXCVBNM<>?", 43...53).map { ($0, UInt16($1)) })
    var events: [InputEvent] = []
    for character in text {
        if let code = shifted[character] {
            events += [.key(42, 1), .report, .key(code, 1), .report, .key(code, 0), .report, .key(42, 0), .report]
        } else if let code = plain[character] {
            events += [.key(code, 1), .report, .key(code, 0), .report]
        }
    }
    return events + [.key(28, 1), .report, .key(28, 0), .report]
}

struct ScannerTests {
    /// Should decode a QR payload with shifted characters, one code per Enter
    @Test func decodesPayloadWithShift() {
        let payload = "https://zwfw.example.gov.cn/q?id=AB-12&t=Z_9!"
        var decoder = ScannerDecoder()
        let codes = (scannerKeystrokes(payload) + scannerKeystrokes("42")).compactMap { decoder.handle($0) }
        #expect(codes == [payload, "42"])
    }

    /// Should ignore unknown keys, key repeats and a lone Enter, and keep decoding after them
    @Test func ignoresUnknownKeysSafely() {
        var decoder = ScannerDecoder()
        let noise: [InputEvent] = [.key(28, 1), .key(183, 1), .key(183, 0), .key(0xFFFF, 1), .key(30, 2), InputEvent(type: 2, code: 0, value: 5)]
        let codes = (noise + scannerKeystrokes("ok")).compactMap { decoder.handle($0) }
        #expect(codes == ["ok"])
    }

    /// Should discard a code longer than the limit whole, and decode the next one
    @Test func discardsOverlongCode() {
        var decoder = ScannerDecoder()
        let long = String(repeating: "a", count: ScannerDecoder.maximumLength + 1)
        let codes = (scannerKeystrokes(long) + scannerKeystrokes("next")).compactMap { decoder.handle($0) }
        #expect(codes == ["next"])
        #expect(decoder.discardedCodes == 1)
    }

    /// Should deliver a code of exactly the limit (the length is counted in bytes since Fuzz/ScannerFuzzer.swift showed counting characters on every key made a long code quadratic)
    @Test func deliversCodeOfTheLimit() {
        var decoder = ScannerDecoder()
        let longest = String(repeating: "7", count: ScannerDecoder.maximumLength)
        #expect(scannerKeystrokes(longest).compactMap { decoder.handle($0) } == [longest])
    }

    /// Should discard a code during which keys were lost (SYN_DROPPED) instead of delivering it cut, and decode the next one
    @Test func discardsCodeWithDroppedKeys() {
        var decoder = ScannerDecoder()
        var events = scannerKeystrokes("https://a.cn/1")
        events.insert(.dropped, at: 20)
        let codes = (events + scannerKeystrokes("ok")).compactMap { decoder.handle($0) }
        #expect(codes == ["ok"])
        #expect(decoder.discardedCodes == 1)
    }
}
