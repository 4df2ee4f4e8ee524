/// SW3, the reader's status byte, with what it means for the technician (English) and for the
/// citizen at the screen (Simplified Chinese, with English for the English interface).
public struct ReaderStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let success = ReaderStatus(rawValue: 0x90)
    public static let noContent = ReaderStatus(rawValue: 0x91)
    public static let cardFound = ReaderStatus(rawValue: 0x9F)
    public static let commandChecksumError = ReaderStatus(rawValue: 0x10)
    public static let commandLengthError = ReaderStatus(rawValue: 0x11)
    public static let badCommand = ReaderStatus(rawValue: 0x21)
    public static let notAllowedNow = ReaderStatus(rawValue: 0x23)
    public static let unknownError = ReaderStatus(rawValue: 0x24)
    public static let cardRejectedSAM = ReaderStatus(rawValue: 0x31)
    public static let samRejectedCard = ReaderStatus(rawValue: 0x32)
    public static let verificationError = ReaderStatus(rawValue: 0x33)
    public static let unrecognisedCardType = ReaderStatus(rawValue: 0x40)
    public static let readFailed = ReaderStatus(rawValue: 0x41)
    public static let randomNumberFailed = ReaderStatus(rawValue: 0x47)
    public static let samSelfTestFailed = ReaderStatus(rawValue: 0x60)
    public static let samNotAuthorised = ReaderStatus(rawValue: 0x66)
    public static let noCard = ReaderStatus(rawValue: 0x80)
    public static let selectFailed = ReaderStatus(rawValue: 0x81)

    /// "41 (read failed)".
    public var description: String { "\(hex(rawValue)) (\(meaning))" }

    public var meaning: String {
        switch self {
        case .success: "success"
        case .noContent: "no content"
        case .cardFound: "card found"
        case .commandChecksumError: "checksum error in the command"
        case .commandLengthError: "length error in the command"
        case .badCommand: "bad command or parameter"
        case .notAllowedNow: "operation not allowed in this state"
        case .unknownError: "unknown error"
        case .cardRejectedSAM: "card failed to authenticate the SAM"
        case .samRejectedCard: "SAM failed to authenticate the card"
        case .verificationError: "information verification error"
        case .unrecognisedCardType: "unrecognised card type"
        case .readFailed: "read failed"
        case .randomNumberFailed: "get random number failed"
        case .samSelfTestFailed: "SAM self-test failed"
        case .samNotAuthorised: "SAM not authorised"
        case .noCard: "no card"
        case .selectFailed: "select card failed"
        default: "undocumented status"
        }
    }

    /// A fault of the reader itself: the SAM module cannot work, whatever card is placed.
    public var isReaderFault: Bool { self == .samSelfTestFailed || self == .samNotAuthorised }
}

/// The reader answered a command with a status other than success.
public struct ReaderStatusError: Error, Equatable, CustomStringConvertible {
    public var command: ReaderCommand
    public var status: ReaderStatus

    public init(command: ReaderCommand, status: ReaderStatus) {
        self.command = command
        self.status = status
    }

    /// For technicians: what failed and what to do.
    public var description: String {
        "The reader answered '\(command)' with SW3 \(status). \(advice)"
    }

    private var advice: String {
        switch status {
        case .samSelfTestFailed, .samNotAuthorised:
            "The SAM security module is faulty or not authorised: replace the reader or have its SAM re-authorised by the public security bureau."
        case .commandChecksumError, .commandLengthError, .badCommand:
            "The reader did not understand the command: check the serial speed (baud) and cabling."
        case .cardRejectedSAM, .samRejectedCard, .verificationError:
            "The card could not be authenticated: it may be damaged or not genuine."
        case .unrecognisedCardType:
            "The card is not an ID card type this reader supports."
        default:
            "Usually the card moved during the read; the citizen should place it again."
        }
    }

    /// For the citizen at the screen, in Simplified Chinese: short, and what to do next.
    public var citizenMessage: String {
        switch status {
        case .samSelfTestFailed, .samNotAuthorised: "读卡器暂时无法使用，请使用其他终端或到服务窗口办理"
        case .unrecognisedCardType: "无法识别此证件，请放置身份证、居住证或永久居留身份证"
        case .cardRejectedSAM, .samRejectedCard, .verificationError: "身份证验证失败，请重新放置身份证"
        case .noCard: "请将身份证平放在读卡区"
        default: "读卡失败，请将身份证重新放置"
        }
    }

    /// The same for the English interface.
    public var citizenMessageEnglish: String {
        switch status {
        case .samSelfTestFailed, .samNotAuthorised: "The card reader is out of order. Please use another terminal or a service window."
        case .unrecognisedCardType: "This card cannot be read. Please use an ID card, residence permit or permanent residence card."
        case .cardRejectedSAM, .samRejectedCard, .verificationError: "The card could not be verified. Please place it again."
        case .noCard: "Please place your ID card flat on the reader."
        default: "The card could not be read. Please place it again."
        }
    }
}
