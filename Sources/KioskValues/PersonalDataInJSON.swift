import Foundation

extension PersonalData {
    /// Where a full resident ID number stands in a JSON text: in its raw text, or in any string
    /// or object key once decoded. The raw scan alone is not enough: `"\u0035\u0033…"` is the same
    /// number to every JSON reader (and to the report page that shows it) but not to a byte scan.
    /// Full-width digits (５３０６…, as a Chinese input method types them) count as digits.
    ///
    /// Returns a description of the place for a refusal message ("key 'note'", "the raw text"),
    /// never the number itself; nil when there is none. Text that is not JSON is scanned raw only.
    public static func residentIDNumberPlace(inJSON text: String) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            return firstResidentIDNumber(in: text) != nil ? "the raw text" : nil
        }
        return residentIDNumberPlace(inJSON: text, decoded: value)
    }

    /// The same for a text its caller has parsed already (`decoded` is `text`, parsed by
    /// JSONSerialization), so that it is not parsed twice.
    public static func residentIDNumberPlace(inJSON text: String, decoded value: Any) -> String? {
        if firstResidentIDNumber(in: text) != nil { return "the raw text" }
        return place(in: value, path: "")
    }

    /// Depth-first through objects and arrays; JSONSerialization already bounds the nesting.
    private static func place(in value: Any, path: String) -> String? {
        switch value {
        case let object as [String: Any]:
            for (key, member) in object {
                let memberPath = path.isEmpty ? key : path + "." + key
                if containsResidentIDNumber(decoded: key) { return "a key at '\(String(path.prefix(64)))'" }
                if let found = place(in: member, path: memberPath) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = place(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case let string as String:
            return containsResidentIDNumber(decoded: string) ? "'\(String(path.prefix(64)))'" : nil
        default:
            // Numbers hold no escapes: the raw scan has seen their digits already.
            return nil
        }
    }

    /// A decoded string with full-width digits and X folded to ASCII, then scanned.
    public static func containsResidentIDNumber(decoded text: String) -> Bool {
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.map(Self.foldedWidth)))
        return firstResidentIDNumber(in: folded) != nil
    }

    /// ０…９ (U+FF10…FF19) to 0…9, Ｘ and ｘ to X and x; every other scalar as it is.
    private static func foldedWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19: Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
        case 0xFF38: "X"
        case 0xFF58: "x"
        default: scalar
        }
    }
}
