/// What a receipt or ticket says, independent of the printer: the document renderer turns it
/// into ESC/POS for one printer profile.
public struct PrintDocument: Sendable, Equatable, Codable {
    public enum Element: Sendable, Equatable, Codable {
        /// Centred, bold, double size.
        case title(String)
        /// The queue number: centred, as large as the printer goes (4x).
        case bigNumber(String)
        case line(String)
        /// Key on the left, value on the right of the same line.
        case keyValue(String, String)
        /// Centred QR code of the UTF-8 bytes of the text (usually a URL).
        case qrCode(String)
        /// A line of dashes across the paper.
        case rule
        /// A ready 1-bit image, sent as raster.
        case image(RasterImage)
        /// Feed and cut (or present, on a presenter).
        case cut
    }

    public var elements: [Element]

    public init(_ elements: [Element]) { self.elements = elements }
}

extension RasterImage: Codable {
    enum CodingKeys: String, CodingKey { case width, height, packed }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let width = try container.decode(Int.self, forKey: .width)
        let height = try container.decode(Int.self, forKey: .height)
        let packed = try container.decode([UInt8].self, forKey: .packed)
        guard width > 0, width <= 4096, height >= 0, height <= 0xFFFF, packed.count == (width + 7) / 8 * height else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "raster image size does not match its data"))
        }
        self.init(width: width, height: height, packed: packed)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(packed, forKey: .packed)
    }
}
