/// The commands a SAM card reader understands (GA 467 family, see docs/protocols/sam.md).
public enum ReaderCommand: Sendable, Equatable, CustomStringConvertible {
    case resetSAM
    case samStatus
    case readSAMID
    case findCard
    case selectCard
    /// 256 bytes of text and the 1024-byte WLT photo.
    case readTextAndPhoto
    /// Text, photo and the fingerprint (0, 512 or 1024 bytes).
    case readTextPhotoAndFingerprint
    /// The newest address written to the card (70 bytes), or status 91 when there is none;
    /// also the way to ask whether a card that was read still lies on the reader.
    case readNewestAddress
    case setSAMBaud(SAMBaudRate)
    case setMaximumRFFrameBytes(UInt8)

    /// CMD, PARA and any data, as sent after the length.
    public var body: [UInt8] {
        switch self {
        case .resetSAM: [0x10, 0xFF]
        case .samStatus: [0x11, 0xFF]
        case .readSAMID: [0x12, 0xFF]
        case .findCard: [0x20, 0x01]
        case .selectCard: [0x20, 0x02]
        case .readTextAndPhoto: [0x30, 0x01]
        case .readTextPhotoAndFingerprint: [0x30, 0x10]
        case .readNewestAddress: [0x30, 0x03]
        case .setSAMBaud(let rate): [0x60, rate.rawValue]
        case .setMaximumRFFrameBytes(let count): [0x61, 0xFF, count]
        }
    }

    /// The whole frame: preamble, length, body, checksum.
    public var frame: [UInt8] { ReaderFrame.encode(body: body) }

    /// The SW3 that means success: find card answers 9F, everything else 90.
    public var successStatus: ReaderStatus {
        self == .findCard ? .cardFound : .success
    }

    /// How long a reader may take to answer: card reads take seconds, the rest well under one.
    public var timeout: Duration {
        switch self {
        case .readTextAndPhoto, .readTextPhotoAndFingerprint, .readNewestAddress: .seconds(3)
        case .resetSAM, .samStatus, .readSAMID, .setSAMBaud, .setMaximumRFFrameBytes: .seconds(2)
        case .findCard, .selectCard: .seconds(1)
        }
    }

    public var description: String {
        switch self {
        case .resetSAM: "reset SAM"
        case .samStatus: "SAM status"
        case .readSAMID: "read SAM ID"
        case .findCard: "find card"
        case .selectCard: "select card"
        case .readTextAndPhoto: "read text and photo"
        case .readTextPhotoAndFingerprint: "read text, photo and fingerprint"
        case .readNewestAddress: "read newest address"
        case .setSAMBaud(let rate): "set SAM baud \(rate.baud)"
        case .setMaximumRFFrameBytes(let count): "set RF frame size \(count)"
        }
    }

}

/// The SAM's serial speeds, as the `60 nn` command numbers them.
public enum SAMBaudRate: UInt8, Sendable, CaseIterable {
    case b115200 = 0x00, b57600 = 0x01, b38400 = 0x02, b19200 = 0x03, b9600 = 0x04

    public var baud: Int {
        switch self {
        case .b115200: 115200
        case .b57600: 57600
        case .b38400: 38400
        case .b19200: 19200
        case .b9600: 9600
        }
    }
}
