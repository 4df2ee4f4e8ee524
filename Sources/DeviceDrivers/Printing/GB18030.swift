/// GB18030, the character set of Chinese receipt printers' font ROMs (a superset of GBK and
/// GB2312, so older printers read the common characters the same way).
public enum GB18030 {
    /// The bytes of `text` in GB18030.
    public static func encode(_ text: String) throws(PrintEncodingError) -> [UInt8] {
        // GB18030 is ASCII-compatible: numbers, URLs and rules need no iconv_open.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
        do {
            return try IconvConverter.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        } catch {
            throw .unencodable(text)
        }
    }

    /// How many bytes the character starting with `lead` takes, judged from its first two bytes:
    /// 1 for ASCII, 2 for GBK pairs, 4 when the second byte is a digit (0x30...0x39).
    /// nil when `lead` cannot start a character (0x80, 0xFF).
    public static func characterLength(lead: UInt8, second: UInt8?) -> Int? {
        if lead < 0x80 { return 1 }
        guard (0x81...0xFE).contains(lead) else { return nil }
        guard let second else { return 2 }
        return (0x30...0x39).contains(second) ? 4 : 2
    }
}
