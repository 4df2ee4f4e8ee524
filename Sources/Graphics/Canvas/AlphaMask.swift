/// 8-bit coverage, 0 = none, 255 = full: a rendered glyph, an anti-aliased corner, a blurred
/// shadow. Drawn with a colour by `Canvas.blend(_:at:color:)`.
public struct AlphaMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row by row, `width` bytes a row.
    public var coverage: [UInt8]

    public init(width: Int, height: Int, coverage: [UInt8]) {
        precondition(width >= 0 && height >= 0 && coverage.count == width * height, "mask size does not match its coverage")
        self.width = width
        self.height = height
        self.coverage = coverage
    }

    /// A mask with no coverage.
    public init(width: Int, height: Int) {
        self.init(width: width, height: height, coverage: Array(repeating: 0, count: width * height))
    }

    public subscript(x: Int, y: Int) -> UInt8 {
        get { coverage[y * width + x] }
        set { coverage[y * width + x] = newValue }
    }

    /// True when some pixel has coverage: a glyph that actually drew something.
    public var hasInk: Bool { coverage.contains { $0 != 0 } }
}
