/// The payload of a `30 01` / `30 10` read: lengths (u16 BE each), then text, photo and, for
/// `30 10`, the fingerprint. The fingerprint is dropped on arrival: kioskd has no use for it.
public enum IDCardReadResponse {
    /// - Parameter includesFingerprint: true for the `30 10` command (three length fields).
    public static func decode(_ payload: [UInt8], includesFingerprint: Bool = false) throws(IDCardDecodingError) -> IDCard {
        let headerSize = includesFingerprint ? 6 : 4
        guard payload.count >= headerSize else { throw .responseTooShort(payload.count) }
        let textLength = Int(payload[0]) << 8 | Int(payload[1])
        let photoLength = Int(payload[2]) << 8 | Int(payload[3])
        guard textLength == IDCardText.size else { throw .wrongTextSize(textLength) }
        let textEnd = headerSize + textLength
        let photoEnd = textEnd + photoLength
        // Check what the lengths claim against what arrived before slicing.
        guard payload.count >= photoEnd else { throw .responseTooShort(payload.count) }
        return try IDCardText.decode(Array(payload[headerSize..<textEnd]), photo: Array(payload[textEnd..<photoEnd]))
    }

}
