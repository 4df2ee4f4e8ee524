/// The SAM frame: `AA AA AA 96 69 | LEN (u16 BE) | body | CHK`, where LEN counts the body and
/// the checksum, and CHK is the XOR of the two length bytes and the body.
public enum ReaderFrame {
    public static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]
    /// What the decoder looks for. Readers have been seen to send `AA 00 AA AA 96 69`: the
    /// first preamble byte cannot be relied on, these four can.
    public static let syncMarker: [UInt8] = [0xAA, 0xAA, 0x96, 0x69]
    /// The largest documented response is 2321 bytes (text, photo, 1024-byte fingerprint).
    public static let maximumLength = 2400

    public static func encode(body: [UInt8]) -> [UInt8] {
        let length = UInt16(body.count + 1)
        let lengthBytes = [UInt8(length >> 8), UInt8(length & 0xFF)]
        return preamble + lengthBytes + body + [checksum(lengthBytes + body)]
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(0, ^)
    }
}

/// One reader response: the status byte SW3 and what follows it.
public struct ReaderResponse: Sendable, Equatable {
    public var status: ReaderStatus
    public var payload: [UInt8]

    public init(status: ReaderStatus, payload: [UInt8] = []) {
        self.status = status
        self.payload = payload
    }
}

/// Why bytes were not a frame. The decoder has already skipped past them when it reports one.
public enum ReaderFrameError: Error, Equatable, CustomStringConvertible {
    /// The length field claims fewer bytes than a status needs, or more than any reader sends.
    case lengthOutOfRange(UInt16)
    case checksumMismatch(computed: UInt8, received: UInt8)

    public var description: String {
        switch self {
        case .lengthOutOfRange(let length): "frame length \(length) is out of range"
        case let .checksumMismatch(computed, received): "checksum mismatch (computed \(hex(computed)), received \(hex(received)))"
        }
    }
}

func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 16 ? "0" + digits : digits
}
