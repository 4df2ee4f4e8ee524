@testable import Graphics

/// Helpers for renderer tests: fake text, naive drawing, pixel comparison.
enum RenderingTestSupport {
    /// A "text" of one solid glyph `width` x `height`, no fonts needed.
    static func block(width: Int, height: Int, coverage: UInt8 = 255) -> TextLayout {
        let mask = AlphaMask(width: width, height: height, coverage: Array(repeating: coverage, count: width * height))
        return TextLayout(glyphs: [PlacedGlyph(mask: mask, origin: Point(x: 0, y: 0))], size: Rect(x: 0, y: 0, width: width, height: height), lines: ["■"], missingGlyphCount: 0, isTruncated: false)
    }

    /// Fake layout for scenes: a block as wide as the text's characters at the style's size.
    static func fakeLayout(_ text: String, width: Int?, style: TextStyle) -> TextLayout {
        block(width: min(width ?? Int.max, text.count * style.pixelSize), height: style.pixelSize, coverage: 200)
    }

    /// Every command drawn in order over the whole buffer, no bands, no culling: what the
    /// renderer must produce.
    static func drawNaively(_ list: DrawList, into buffer: PixelBuffer, clearColor: Color = .black) {
        let canvas = Canvas(buffer)
        canvas.fill(buffer.bounds, color: clearColor)
        let shapes = ShapeCache()
        for command in list.commands { command.draw(in: canvas, shapes: shapes) }
    }

    static func copy(_ buffer: PixelBuffer) -> PixelBuffer {
        let result = PixelBuffer(width: buffer.width, height: buffer.height)
        result.copy(buffer.bounds, from: buffer)
        return result
    }

    /// The pixels where the two buffers differ (at most `limit` of them).
    static func differences(_ a: PixelBuffer, _ b: PixelBuffer, limit: Int = 10) -> [Point] {
        var found: [Point] = []
        for y in 0..<a.height {
            for x in 0..<a.width where a[x, y] != b[x, y] {
                found.append(Point(x: x, y: y))
                if found.count == limit { return found }
            }
        }
        return found
    }
}
