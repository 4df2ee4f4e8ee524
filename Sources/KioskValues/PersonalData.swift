/// The rules that keep citizens' identity numbers out of storage and off the wire.
/// DESIGN.md invariant 1: never store or sync a full ID number.
public enum PersonalData {
    /// True when `text` is an 18-character mainland resident identity number (or a residence
    /// permit number, which has the same form) with a correct GB 11643 MOD 11-2 check character.
    public static func isResidentIDNumber<S: StringProtocol>(_ text: S) -> Bool {
        let characters = Array(text.utf8)
        guard characters.count == 18 else { return false }
        var sum = 0
        for (index, character) in characters.prefix(17).enumerated() {
            guard let digit = Self.digit(character) else { return false }
            sum += digit * weights[index]
        }
        return checkCharacters[sum % 11] == characters[17] || (characters[17] == UInt8(ascii: "x") && sum % 11 == 2)
    }

    /// True when `text` has the form of a keyed hash of an ID number (`linkingHash`): 64 ASCII hex
    /// digits. Character.isHexDigit also takes full-width digits, which no hash is written in.
    public static func isKeyedHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
    }

    /// Finds the first run of characters in `text` that is a full resident ID number, if any.
    /// A masked number ("530622********0026") is not one: the mask breaks the run.
    public static func firstResidentIDNumber(in text: String) -> Substring? {
        var runStart: String.Index?
        var index = text.startIndex
        while true {
            let atEnd = index == text.endIndex
            let isIDCharacter = !atEnd && Self.isIDCharacter(text[index])
            if isIDCharacter {
                if runStart == nil { runStart = index }
            } else if let start = runStart {
                let run = text[start..<index]
                if isResidentIDNumber(run) { return run }
                runStart = nil
            }
            if atEnd { return nil }
            index = text.index(after: index)
        }
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [UInt8] = Array("10X98765432".utf8)

    private static func digit(_ character: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) ? Int(character - UInt8(ascii: "0")) : nil
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == "X" || character == "x")
    }
}
