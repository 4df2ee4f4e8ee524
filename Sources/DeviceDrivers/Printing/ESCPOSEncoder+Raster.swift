extension ESCPOSEncoder {
    /// Rows per GS v 0 command. Some models cap a command at 2303 rows and buffer little;
    /// python-escpos splits at 960, a size every printer we know accepts.
    public static let rasterRowsPerCommand = 960

    /// Prints a 1-bit image with GS v 0. Tall images are split into commands of at most
    /// `rasterRowsPerCommand` rows, and runs of blank rows are fed (ESC J n, n dots) instead of
    /// sent: a receipt is mostly white, and a feed costs 3 bytes where a blank 80 mm row costs 72.
    public mutating func rasterImage(_ image: RasterImage) {
        var row = 0
        while row < image.height {
            if image.isBlankRow(row) {
                var blank = 0
                while row + blank < image.height, image.isBlankRow(row + blank) { blank += 1 }
                feedDots(blank)
                row += blank
                continue
            }
            var end = row
            while end < image.height, end - row < Self.rasterRowsPerCommand, !image.isBlankRow(end) { end += 1 }
            let rows = end - row
            let bytesPerRow = image.bytesPerRow
            append([0x1D, 0x76, 0x30, 0x00,
                    UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8),
                    UInt8(rows & 0xFF), UInt8(rows >> 8)])
            append(Array(image.packed[(row * bytesPerRow)..<(end * bytesPerRow)]))
            row = end
        }
    }

    /// ESC J n feeds n dots; longer runs take several commands of at most 255.
    public mutating func feedDots(_ dots: Int) {
        var left = dots
        while left > 0 {
            let step = min(left, 255)
            append([0x1B, 0x4A, UInt8(step)])
            left -= step
        }
    }
}

/// A 1-bit image packed the way GS v 0 wants it: rows of ceil(width/8) bytes, most significant
/// bit = leftmost pixel, 1 = black.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var packed: [UInt8]

    public var bytesPerRow: Int { (width + 7) / 8 }

    /// A white image.
    public init(width: Int, height: Int) {
        precondition(width > 0 && height >= 0 && width <= 0xFFFF * 8 && height <= 0xFFFF, "raster image size out of range")
        self.width = width
        self.height = height
        packed = Array(repeating: 0, count: (width + 7) / 8 * height)
    }

    /// Takes already packed rows.
    public init(width: Int, height: Int, packed: [UInt8]) {
        precondition(packed.count == (width + 7) / 8 * height, "packed data does not match the size")
        self.width = width
        self.height = height
        self.packed = packed
    }

    public subscript(x: Int, y: Int) -> Bool {
        get { packed[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0 }
        set {
            let index = y * bytesPerRow + x / 8
            let bit: UInt8 = 0x80 >> UInt8(x % 8)
            if newValue { packed[index] |= bit } else { packed[index] &= ~bit }
        }
    }

    func isBlankRow(_ row: Int) -> Bool {
        let start = row * bytesPerRow
        return packed[start..<(start + bytesPerRow)].allSatisfy { $0 == 0 }
    }
}
