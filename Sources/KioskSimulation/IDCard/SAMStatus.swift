/// SW3, the status byte a SAM reader puts in every answer (docs/protocols/sam.md, "Status
/// codes"). The simulator's own list, kept apart from the driver's on purpose: a code misread
/// on one side then shows up as a failing test instead of agreeing with itself.
public struct SAMStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ok = SAMStatus(rawValue: 0x90)
    public static let nothingToRead = SAMStatus(rawValue: 0x91)
    /// Find card's own success code.
    public static let cardPresent = SAMStatus(rawValue: 0x9F)
    public static let checksumWrong = SAMStatus(rawValue: 0x10)
    public static let lengthWrong = SAMStatus(rawValue: 0x11)
    public static let unknownCommand = SAMStatus(rawValue: 0x21)
    public static let wrongState = SAMStatus(rawValue: 0x23)
    public static let samSelfTestFailed = SAMStatus(rawValue: 0x60)
    public static let samNotAuthorised = SAMStatus(rawValue: 0x66)
    public static let noCardFound = SAMStatus(rawValue: 0x80)
    public static let cannotSelect = SAMStatus(rawValue: 0x81)

    /// 60 and 66 are faults of the SAM module itself: every command fails until it is fixed.
    public var failsEveryCommand: Bool { rawValue == 0x60 || rawValue == 0x66 }

    /// "41 (read failed)", as the control socket reports it.
    public var description: String {
        let digits = String(rawValue, radix: 16, uppercase: true)
        return "\(rawValue < 0x10 ? "0" + digits : digits) (\(meaning))"
    }

    var meaning: String {
        switch rawValue {
        case 0x90: "success"
        case 0x91: "no content"
        case 0x9F: "card found"
        case 0x10: "checksum error in the command"
        case 0x11: "length error in the command"
        case 0x21: "bad command or parameter"
        case 0x23: "operation not allowed in this state"
        case 0x24: "unknown error"
        case 0x31: "card failed to authenticate the SAM"
        case 0x32: "SAM failed to authenticate the card"
        case 0x33: "information verification error"
        case 0x40: "unrecognised card type"
        case 0x41: "read failed"
        case 0x47: "get random number failed"
        case 0x60: "SAM self-test failed"
        case 0x66: "SAM not authorised"
        case 0x80: "no card"
        case 0x81: "select card failed"
        default: "undocumented status"
        }
    }
}
