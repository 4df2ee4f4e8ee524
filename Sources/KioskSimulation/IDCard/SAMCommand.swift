/// A command the simulated reader understands, recognised from a frame's body (CMD PARA
/// [DATA]) by the table in docs/protocols/sam.md, "Commands".
public enum SAMCommand: Equatable, Sendable {
    case resetSAM
    case samStatus
    case readSAMID
    case findCard
    case selectCard
    case readTextAndPhoto
    case readTextPhotoAndFingerprint
    case readNewestAddress
    /// `60 nn`, nn 00 (115200) to 04 (9600).
    case setBaud(UInt8)
    /// `61 FF nn`.
    case setMaximumRFFrameBytes(UInt8)

    /// nil for a body the reader does not know: it answers 21.
    public init?(body: [UInt8]) {
        switch body {
        case [0x10, 0xFF]: self = .resetSAM
        case [0x11, 0xFF]: self = .samStatus
        case [0x12, 0xFF]: self = .readSAMID
        case [0x20, 0x01]: self = .findCard
        case [0x20, 0x02]: self = .selectCard
        case [0x30, 0x01]: self = .readTextAndPhoto
        case [0x30, 0x10]: self = .readTextPhotoAndFingerprint
        case [0x30, 0x03]: self = .readNewestAddress
        default:
            if body.count == 2, body[0] == 0x60, body[1] <= 0x04 {
                self = .setBaud(body[1])
            } else if body.count == 3, body[0] == 0x61, body[1] == 0xFF {
                self = .setMaximumRFFrameBytes(body[2])
            } else {
                return nil
            }
        }
    }
}
