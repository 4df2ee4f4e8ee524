/// How text is laid out: size, spacing, alignment, how many lines may be used.
public struct TextStyle: Sendable, Equatable {
    /// The em size in pixels: every hanzi is this wide.
    public var pixelSize: Int
    /// Line height as a multiple of `pixelSize`. The MIIT 2021 elderly-friendly specification
    /// asks for at least 1.3; the font's own line height (1.45 em for Noto Sans CJK) is not used,
    /// so that a design can count in ems.
    public var lineSpacing: Double
    public var alignment: TextAlignment
    /// At most this many lines; the rest is cut and the last line ends with "…". Nil: no limit.
    public var maxLines: Int?

    public init(pixelSize: Int, lineSpacing: Double = 1.3, alignment: TextAlignment = .leading, maxLines: Int? = nil) {
        precondition(pixelSize >= 1 && pixelSize <= 1024, "text pixel size out of range: \(pixelSize)")
        precondition(lineSpacing > 0, "line spacing must be positive")
        precondition(maxLines.map { $0 >= 1 } ?? true, "maxLines must be at least 1")
        self.pixelSize = pixelSize
        self.lineSpacing = lineSpacing
        self.alignment = alignment
        self.maxLines = maxLines
    }

    /// Pixels from one line's top to the next's: round(lineSpacing × pixelSize).
    public var lineHeight: Int { max(1, Int((lineSpacing * Double(pixelSize)).rounded())) }
}
