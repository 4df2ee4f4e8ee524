import Foundation

/// GB18030 text as the simulated printer's font ROM reads it (docs/protocols/escpos.md,
/// "Text"). Decoded by Foundation (ICU underneath), not by the driver's iconv encoder, so
/// that the two sides are independent.
public enum SimulatedGB18030 {
    /// NSStringEncoding for kCFStringEncodingGB_18030_2000 (0x0632): CoreFoundation's encoding
    /// constants are not imported on Linux, so the value is spelled out.
    static let encoding = String.Encoding(rawValue: 0x8000_0632)

    /// The text, or nil when `bytes` are not valid GB18030 (a stray lead byte, a cut-off character).
    public static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(bytes: bytes, encoding: encoding)
    }
}
