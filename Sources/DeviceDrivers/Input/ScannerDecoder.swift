/// Turns a keyboard-type scanner's key events into scanned codes: characters on a US layout
/// with shift, one code per Enter. Pure: no I/O. Unknown keys, key repeats and releases are
/// ignored; a code longer than `maximumLength` (a scanner stuck or a keyboard leaning on a key)
/// is discarded whole rather than delivered cut, and so is a code during which the kernel's queue
/// overflowed (SYN_DROPPED): keys were lost, and a wrong code is worse than a scan to repeat.
public struct ScannerDecoder: Sendable {
    public static let maximumLength = 4096

    private var text = ""
    private var shiftKeysDown: Set<UInt16> = []
    private var overflowed = false
    /// Codes discarded for being too long or for keys lost in an overflow.
    public private(set) var discardedCodes = 0

    public init() {}

    /// A finished code when `event` is the Enter that ends one (empty codes are skipped).
    public mutating func handle(_ event: InputEvent) -> String? {
        if event.type == EventType.synchronization && event.code == SynchronizationCode.dropped {
            overflowed = true
            text = ""
            // The shift keys' state was lost too; a held shift sends its release later anyway.
            shiftKeysDown = []
            return nil
        }
        guard event.type == EventType.key else { return nil }
        if event.code == ScannerKeymap.leftShift || event.code == ScannerKeymap.rightShift {
            if event.value == 0 { shiftKeysDown.remove(event.code) } else { shiftKeysDown.insert(event.code) }
            return nil
        }
        // 1 = press; 0 = release and 2 = autorepeat add nothing.
        guard event.value == 1 else { return nil }
        if event.code == ScannerKeymap.enter || event.code == ScannerKeymap.keypadEnter {
            defer {
                text = ""
                overflowed = false
            }
            if overflowed {
                discardedCodes += 1
                return nil
            }
            return text.isEmpty ? nil : text
        }
        guard let pair = ScannerKeymap.characters[event.code] else { return nil }
        guard !overflowed else { return nil }
        text.append(shiftKeysDown.isEmpty ? pair.0 : pair.1)
        // The keymap types ASCII only, so bytes are characters; `count` would walk the whole
        // code on every key (5 s for one 4097-key code under the fuzzer).
        if text.utf8.count > Self.maximumLength {
            overflowed = true
            text = ""
        }
        return nil
    }
}
