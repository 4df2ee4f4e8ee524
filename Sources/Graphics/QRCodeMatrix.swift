import CQRencode

/// The modules of a QR code, from libqrencode: `size` x `size`, true = dark. No quiet zone; the
/// caller leaves 4 modules of white around it.
public struct QRCodeMatrix: Sendable, Equatable {
    public let size: Int
    public let modules: [Bool]

    public enum ErrorCorrection: Sendable { case low, medium, quartile, high }

    public struct EncodeError: Error, CustomStringConvertible {
        public var length: Int
        public var description: String { "Unable to encode \(length) bytes as a QR code (too long for any version at this error correction level)." }
    }

    /// Encodes `data` as 8-bit bytes, choosing the smallest version. The corresponding C function
    /// is `QRcode_encodeData`.
    public init(encoding data: [UInt8], errorCorrection: ErrorCorrection = .medium) throws(EncodeError) {
        let level: QRecLevel = switch errorCorrection {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
        guard !data.isEmpty, let code = data.withUnsafeBufferPointer({ QRcode_encodeData(Int32(data.count), $0.baseAddress, 0, level) }) else {
            throw EncodeError(length: data.count)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Each module byte: bit 0 set = dark; the other bits describe the module's role.
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 != 0 }
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// The code drawn with `moduleSize` pixels per module and a 4-module quiet zone.
    public func bitmap(moduleSize: Int) -> GreyscaleBitmap {
        let side = (size + 8) * moduleSize
        var bitmap = GreyscaleBitmap(width: side, height: side)
        for y in 0..<size {
            for x in 0..<size where self[x, y] {
                bitmap.fill(x: (x + 4) * moduleSize, y: (y + 4) * moduleSize, width: moduleSize, height: moduleSize)
            }
        }
        return bitmap
    }
}
