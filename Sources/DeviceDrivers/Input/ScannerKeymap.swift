/// Evdev key codes to characters on a US layout, as USB HID scanners type them. Digits, letters,
/// the punctuation of URLs and QR payloads, and the keypad.
public enum ScannerKeymap {
    public static let enter: UInt16 = 28
    static let keypadEnter: UInt16 = 96
    public static let leftShift: UInt16 = 42
    static let rightShift: UInt16 = 54

    /// code -> (unshifted, shifted)
    static let characters: [UInt16: (Character, Character)] = {
        var map: [UInt16: (Character, Character)] = [:]
        func row(_ first: UInt16, _ plain: String, _ shifted: String) {
            for (offset, pair) in zip(plain, shifted).enumerated() { map[first + UInt16(offset)] = pair }
        }
        row(2, "1234567890-=", "!@#$%^&*()_+")
        row(16, "qwertyuiop[]", "QWERTYUIOP{}")
        row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~")
        row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?")
        map[57] = (" ", " ")
        // Keypad (NumLock on, as scanners send it): 7 8 9 - 4 5 6 + 1 2 3 0 .
        row(71, "789-456+1230.", "789-456+1230.")
        map[55] = ("*", "*")
        map[98] = ("/", "/")
        return map
    }()

}
