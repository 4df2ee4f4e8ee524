import Crypto

extension PersonalData {
    /// The name as it may be shown or stored: the first character, then one '*' per remaining
    /// character ("张三" -> "张*", "欧阳娜娜" -> "欧***"). Characters are user-perceived ones,
    /// so a rare character outside the BMP still counts as one.
    public static func maskedName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: name.count - 1)
    }

    /// The identity number as it may be shown or stored: the first 6 characters, '*' for the
    /// middle, the last 4 ("530622199001010026" -> "530622********0026"). Shorter numbers
    /// (the 15-character 2017 foreigner's card) keep the same shape; anything of 10 characters
    /// or fewer is masked whole.
    public static func maskedIDNumber(_ number: String) -> String {
        let characters = Array(number)
        guard characters.count > 10 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10) + String(characters.suffix(4))
    }

    /// A keyed hash of the identity number (HMAC-SHA256, lowercase hex) for linking records
    /// ("one ticket per person per day") without storing the number. The key is the county's,
    /// so the hash cannot be reversed by trying all numbers without it. A lowercase 'x' check
    /// character is folded to 'X' so both spellings link.
    public static func linkingHash(ofIDNumber number: String, key: SymmetricKey) -> String {
        let normalised = number.uppercased()
        let code = HMAC<SHA256>.authenticationCode(for: Array(normalised.utf8), using: key)
        return code.lowercaseHex
    }
}
