/// An 8-bit greyscale picture in memory, row by row, 0 = black, 255 = white: what a receipt
/// printer's paper looks like, and a starting point for the screen's own buffers.
public struct GreyscaleBitmap: Sendable, Equatable {
    public let width: Int
    public private(set) var height: Int
    public private(set) var pixels: [UInt8]

    public static let white: UInt8 = 255
    public static let black: UInt8 = 0

    /// A white bitmap.
    public init(width: Int, height: Int) {
        precondition(width > 0 && height >= 0, "bitmap size out of range")
        self.width = width
        self.height = height
        pixels = Array(repeating: Self.white, count: width * height)
    }

    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Adds white rows at the bottom (paper coming out of a printer).
    public mutating func grow(toHeight newHeight: Int) {
        guard newHeight > height else { return }
        pixels += Array(repeating: Self.white, count: (newHeight - height) * width)
        height = newHeight
    }

    /// Fills a rectangle, clipped to the bitmap.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, value: UInt8 = Self.black) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for column in x0..<x1 { pixels[row * width + column] = value }
        }
    }

    /// Draws `source` with its top left at (x, y), keeping the darker pixel (ink on paper), clipped.
    public mutating func draw(_ source: GreyscaleBitmap, x: Int, y: Int) {
        for row in 0..<source.height where y + row >= 0 && y + row < height {
            for column in 0..<source.width where x + column >= 0 && x + column < width {
                let index = (y + row) * width + x + column
                pixels[index] = min(pixels[index], source[column, row])
            }
        }
    }
}
