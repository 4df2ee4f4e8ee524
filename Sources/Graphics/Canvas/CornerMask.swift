/// The anti-aliased top-left quarter of a circle of radius `radius`, `radius` x `radius`
/// pixels: coverage of each pixel by the disc centred on the mask's bottom-right corner, and
/// the same rows mirrored left to right for the right-hand corners. A class holding raw
/// memory, so that drawing a row takes no reference counting per array.
final class CornerMask {
    let radius: Int
    /// Top-left corner, row by row.
    let left: UnsafeMutablePointer<UInt8>
    /// Top-right corner (each row of `left` reversed).
    let right: UnsafeMutablePointer<UInt8>

    /// Samples per pixel side: 4 x 4 = 16 samples, enough for 8-bit coverage that looks smooth
    /// and is computed once per radius.
    private static let subsamples = 4

    init(radius: Int) {
        precondition(radius > 0, "corner radius must be positive")
        self.radius = radius
        left = .allocate(capacity: radius * radius)
        right = .allocate(capacity: radius * radius)
        let r = Double(radius), n = Self.subsamples
        let step = 1 / Double(n)
        for y in 0..<radius {
            for x in 0..<radius {
                var inside = 0
                for sy in 0..<n {
                    let dy = r - (Double(y) + (Double(sy) + 0.5) * step)
                    for sx in 0..<n {
                        let dx = r - (Double(x) + (Double(sx) + 0.5) * step)
                        if dx * dx + dy * dy <= r * r { inside += 1 }
                    }
                }
                let value = UInt8((inside * 255 + n * n / 2) / (n * n))
                left[y * radius + x] = value
                right[y * radius + (radius - 1 - x)] = value
            }
        }
    }

    deinit {
        left.deallocate()
        right.deallocate()
    }

    /// The coverage of a whole rounded rectangle of `width` x `height` (a shadow's blur source).
    static func roundedRectangle(width: Int, height: Int, radius: Int, corner: CornerMask?) -> [UInt8] {
        var coverage = [UInt8](repeating: 255, count: width * height)
        guard let corner, radius > 0 else { return coverage }
        for y in 0..<radius {
            for x in 0..<radius {
                let value = corner.left[y * radius + x]
                coverage[y * width + x] = value
                coverage[y * width + (width - 1 - x)] = value
                coverage[(height - 1 - y) * width + x] = value
                coverage[(height - 1 - y) * width + (width - 1 - x)] = value
            }
        }
        return coverage
    }
}
