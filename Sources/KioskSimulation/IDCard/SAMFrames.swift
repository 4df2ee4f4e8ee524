/// The reader's side of the SAM frame (docs/protocols/sam.md, "Frame"):
/// `AA AA AA 96 69 | LEN (u16 BE) | body | CHK`, LEN counting the body and CHK, CHK the XOR of
/// the two LEN bytes and the body. Written for the simulator from the protocol document alone;
/// it shares nothing with the driver's frame code, so that a mistake on one side fails a test.
public enum SAMFrames {
    static let header: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]

    /// An answer: SW1 SW2 (always 00 00), SW3, then `data`.
    public static func response(status: SAMStatus, data: [UInt8] = []) -> [UInt8] {
        let body = [0x00, 0x00, status.rawValue] + data
        let length = body.count + 1
        let lengthBytes = [UInt8(length >> 8), UInt8(length & 0xFF)]
        return header + lengthBytes + body + [(lengthBytes + body).reduce(0, ^)]
    }
}

/// Cuts what the host sends into command frames. It looks for `AA AA 96 69` rather than the
/// whole header, as the document advises, and skips whatever comes before.
public struct SAMCommandReader: Sendable {
    /// What one frame turned out to be.
    public enum Item: Equatable, Sendable {
        /// CMD PARA [DATA]: the bytes between LEN and CHK.
        case command([UInt8])
        /// CHK did not match: the reader answers 10.
        case checksumError
        /// LEN was below 3 (CMD PARA CHK) or above any frame of this family: the reader answers 11.
        case lengthError
    }

    /// The largest frame the document lists is a 2321-byte response; a command claiming more
    /// is noise, and is refused at once instead of waiting for bytes that will not come.
    static let longestLength = 2400
    private static let sync: [UInt8] = [0xAA, 0xAA, 0x96, 0x69]

    private var bytes: [UInt8] = []

    public init() {}

    public mutating func append(_ more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// The next frame, or nil until more bytes arrive. A bad frame is reported once and
    /// scanning resumes one byte after its sync marker.
    public mutating func next() -> Item? {
        guard let sync = syncIndex() else {
            // A sync marker may be starting in the last three bytes; keep those.
            bytes.removeFirst(max(0, bytes.count - 3))
            return nil
        }
        bytes.removeFirst(sync)
        guard bytes.count >= 6 else { return nil }
        let length = Int(bytes[4]) << 8 | Int(bytes[5])
        guard (3...Self.longestLength).contains(length) else {
            bytes.removeFirst()
            return .lengthError
        }
        guard bytes.count >= 6 + length else { return nil }
        let covered = bytes[4..<(5 + length)]
        let checksum = bytes[5 + length]
        guard covered.reduce(0, ^) == checksum else {
            bytes.removeFirst()
            return .checksumError
        }
        let body = Array(bytes[6..<(5 + length)])
        bytes.removeFirst(6 + length)
        return .command(body)
    }

    private func syncIndex() -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { index in
            bytes[index] == Self.sync[0] && bytes[index + 1] == Self.sync[1] && bytes[index + 2] == Self.sync[2] && bytes[index + 3] == Self.sync[3]
        }
    }
}
