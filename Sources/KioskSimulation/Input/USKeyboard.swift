/// The keys a USB HID scanner presses to type text on a US layout, as evdev key codes
/// (linux/input-event-codes.h; docs/protocols/evdev.md). The simulator's own table, so that the
/// scanner's decoder is tested against an independent one. Only the main rows: scanners type
/// digits there, not on the keypad.
public enum USKeyboard {
    public static let enter: UInt16 = 28     // KEY_ENTER
    public static let leftShift: UInt16 = 42 // KEY_LEFTSHIFT

    /// Each row as it lies on the keyboard, from its first key's code, unshifted and shifted.
    private static let rows: [(firstCode: UInt16, plain: String, shifted: String)] = [
        (2, "1234567890-=", "!@#$%^&*()_+"),   // KEY_1 ... KEY_EQUAL
        (16, "qwertyuiop[]", "QWERTYUIOP{}"),  // KEY_Q ... KEY_RIGHTBRACE
        (30, "asdfghjkl;'`", "ASDFGHJKL:\"~"), // KEY_A ... KEY_GRAVE
        (43, "\\zxcvbnm,./", "|ZXCVBNM<>?"),   // KEY_BACKSLASH ... KEY_SLASH
        (57, " ", " "),                        // KEY_SPACE
    ]

    /// The key that types `character`, and whether Shift is held; nil when a US keyboard has none.
    public static func keyStroke(for character: Character) -> (code: UInt16, shift: Bool)? {
        for row in rows {
            if let offset = Array(row.plain).firstIndex(of: character) { return (row.firstCode + UInt16(offset), false) }
            if let offset = Array(row.shifted).firstIndex(of: character) { return (row.firstCode + UInt16(offset), true) }
        }
        return nil
    }
}
