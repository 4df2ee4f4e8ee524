import KioskValues

public enum JournalValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    /// A value only the hall may read (a complaint's phone number): kioskd replaces it with its
    /// sealed form (`CallbackPhone.seal`) before the append, or drops it. Its JSON here is null,
    /// so the clear value can never reach the journal by mistake.
    case sealedForHall(String)

    var json: String {
        switch self {
        case .sealedForHall: "null"
        case .int(let value): "\(value)"
        case .bool(let value): value ? "true" : "false"
        case .string(let text):
            "\"" + text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default:
                    if scalar.value < 0x20 {
                        "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        String(scalar)
                    }
                }
            }.joined() + "\""
        }
    }
}
