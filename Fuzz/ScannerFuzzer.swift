// libFuzzer target for the QR scanner's key decoder (ScannerDecoder with ScannerKeymap). Built
// by `make fuzz` from the driver's own source files (see the Makefile's FUZZ_SOURCES_scanner).
//
// The input is read three bytes per key event, [kind, code, value], so that mutations land on
// keys rather than on timestamps: kind 0 and 1 a key (value % 3: release, press, repeat),
// 2 SYN_DROPPED, 3 a SYN_REPORT.

@_cdecl("LLVMFuzzerTestOneInput")
public func scannerFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var decoder = ScannerDecoder()
    var codes: [String] = []
    var enters = 0
    for start in stride(from: 0, to: size - 2, by: 3) {
        let event: InputEvent
        switch bytes[start] % 4 {
        case 0, 1: event = .key(UInt16(bytes[start + 1]), Int32(bytes[start + 2] % 3))
        case 2: event = .dropped
        default: event = .report
        }
        if event.type == EventType.key, event.value == 1, event.code == ScannerKeymap.enter || event.code == 96 { enters += 1 }
        if let code = decoder.handle(event) { codes.append(code) }
    }
    // At most one code per Enter; every code within bounds, typed from the keymap alone.
    require(codes.count + decoder.discardedCodes <= enters, "more codes than Enter presses")
    for code in codes {
        require(!code.isEmpty && code.count <= ScannerDecoder.maximumLength, "a code of \(code.count) characters")
        // Typed back key by key, a code decodes to itself.
        var retyped = ScannerDecoder()
        var result: String?
        for character in code {
            guard let stroke = keyStrokes[character] else { fatalError("'\(character)' is not on the keymap") }
            if stroke.shift { _ = retyped.handle(.key(ScannerKeymap.leftShift, 1)) }
            require(retyped.handle(.key(stroke.code, 1)) == nil && retyped.handle(.key(stroke.code, 0)) == nil, "a code ended before Enter")
            if stroke.shift { _ = retyped.handle(.key(ScannerKeymap.leftShift, 0)) }
        }
        result = retyped.handle(.key(ScannerKeymap.enter, 1))
        require(result == code, "'\(code)' retyped is '\(result ?? "nothing")'")
    }
    return 0
}

/// The inverse of `ScannerKeymap.characters`, as a scanner (or the simulator) types: the lowest
/// code first, so the main rows before the keypad, and without Shift when either will do.
let keyStrokes: [Character: (code: UInt16, shift: Bool)] = {
    var strokes: [Character: (code: UInt16, shift: Bool)] = [:]
    for code in ScannerKeymap.characters.keys.sorted(by: >) {
        let (plain, shifted) = ScannerKeymap.characters[code]!
        strokes[shifted] = (code, true)
        strokes[plain] = (code, false)
    }
    return strokes
}()
