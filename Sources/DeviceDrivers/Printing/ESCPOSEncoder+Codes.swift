extension ESCPOSEncoder {
    public enum QRErrorCorrection: UInt8, Sendable { case low = 0x30, medium = 0x31, quartile = 0x32, high = 0x33 }

    /// The longest QR payload the store command (GS ( k … 31 50 30) can carry in model 2.
    public static let maximumQRLength = 7089

    /// A QR code drawn by the printer: model 2, module size, error level, store, print (GS ( k).
    public mutating func qrCode(_ data: [UInt8], moduleSize: UInt8 = 6, errorCorrection: QRErrorCorrection = .medium) throws(PrintEncodingError) {
        guard !data.isEmpty else { throw .invalidBarcode("a QR code needs data") }
        guard data.count <= Self.maximumQRLength else { throw .dataTooLong(what: "QR data", length: data.count, limit: Self.maximumQRLength) }
        precondition((1...16).contains(moduleSize), "QR module size is 1...16")
        append([0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])
        append([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize])
        append([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, errorCorrection.rawValue])
        // pL + 256 pH = data length + 3 (the 31 50 30 that follow).
        let length = data.count + 3
        append([0x1D, 0x28, 0x6B, UInt8(length & 0xFF), UInt8(length >> 8), 0x31, 0x50, 0x30])
        append(data)
        append([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30])
    }

    public enum Code128Set: UInt8, Sendable { case a = 0x41, b = 0x42, c = 0x43 }

    /// CODE128 (GS k 73 n): height in dots, module width 2..6, human-readable text below.
    /// The data is prefixed with the code set selector ({A, {B or {C) the printer expects.
    public mutating func code128(_ data: String, set: Code128Set = .b, height: UInt8 = 80, moduleWidth: UInt8 = 2, humanReadableBelow: Bool = true) throws(PrintEncodingError) {
        let ascii = Array(data.utf8)
        guard !ascii.isEmpty else { throw .invalidBarcode("CODE128 needs data") }
        guard ascii.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw .invalidBarcode("CODE128 here takes printable ASCII only, got '\(data)'") }
        if set == .c {
            guard ascii.count % 2 == 0, ascii.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw .invalidBarcode("code set C takes an even number of digits, got '\(data)'")
            }
        }
        // n counts the two selector bytes too and is one byte.
        guard ascii.count + 2 <= 255 else { throw .dataTooLong(what: "CODE128 data", length: ascii.count, limit: 253) }
        precondition((2...6).contains(moduleWidth), "barcode module width is 2...6")
        append([0x1D, 0x68, height])
        append([0x1D, 0x77, moduleWidth])
        append([0x1D, 0x48, humanReadableBelow ? 2 : 0])
        append([0x1D, 0x6B, 73, UInt8(ascii.count + 2), 0x7B, set.rawValue])
        append(ascii)
    }
}
