import Testing
@testable import Graphics

@Suite struct FillTests {
    /// An opaque fill writes the colour inside the rectangle and nothing outside it.
    @Test func opaqueFillCoversExactlyTheRectangle() {
        let buffer = PixelBuffer(width: 8, height: 6, color: .black)
        Canvas(buffer).fill(Rect(x: 2, y: 1, width: 3, height: 2), color: Color(rgb: 0x123456))
        #expect(buffer[2, 1] == 0xFF12_3456)
        #expect(buffer[4, 2] == 0xFF12_3456)
        #expect(buffer[1, 1] == 0xFF00_0000)
        #expect(buffer[5, 1] == 0xFF00_0000)
        #expect(buffer[2, 3] == 0xFF00_0000)
        #expect(buffer[2, 0] == 0xFF00_0000)
    }

    /// A half-transparent white over black gives mid grey (128/255 of white, rounded).
    @Test func alphaFillBlends() {
        let buffer = PixelBuffer(width: 2, height: 1, color: .black)
        Canvas(buffer).fill(buffer.bounds, color: Color.white.withAlpha(128))
        #expect(buffer[0, 0] == 0xFF80_8080)
        // Red at 25% over blue: 64/255 red, 191/255 blue.
        let blue = PixelBuffer(width: 1, height: 1, color: Color(rgb: 0x0000FF))
        Canvas(blue).fill(blue.bounds, color: Color(rgb: 0xFF0000, alpha: 64))
        #expect(blue[0, 0] == 0xFF40_00BF)
    }

    /// A fully transparent fill changes nothing.
    @Test func transparentFillChangesNothing() {
        let buffer = PixelBuffer(width: 3, height: 3, color: Color(rgb: 0x102030))
        Canvas(buffer).fill(buffer.bounds, color: .clear)
        #expect((0..<9).allSatisfy { buffer[$0 % 3, $0 / 3] == 0xFF10_2030 })
    }

    /// Every primitive drawn through a small clip leaves every pixel outside the clip as it was.
    @Test func clippingNeverTouchesOutsideTheClip() throws {
        let buffer = PixelBuffer(width: 64, height: 64, color: Color(rgb: 0x010203))
        let clip = Rect(x: 20, y: 20, width: 10, height: 10)
        let canvas = Canvas(buffer, clip: clip)
        let shapes = ShapeCache()
        let everywhere = Rect(x: -10, y: -10, width: 100, height: 100)
        canvas.fill(everywhere, color: .white)
        canvas.fill(everywhere, color: Color.white.withAlpha(90))
        canvas.fillGradient(everywhere, from: .black, to: .white, axis: .horizontal)
        canvas.fillRoundedRect(Rect(x: 5, y: 5, width: 40, height: 40), radius: 12, color: .white, shapes: shapes)
        canvas.draw(BoxShadow(box: Rect(x: 10, y: 10, width: 30, height: 30), radius: 8, width: 12), shapes: shapes)
        canvas.drawLine(from: Point(x: 0, y: 0), to: Point(x: 63, y: 63), width: 5, color: .white)
        canvas.draw(RGBAImage(width: 64, height: 64, color: .white), at: Point(x: 0, y: 0))
        canvas.draw(try QRCodeMatrix(encoding: Array("clip".utf8)), at: Point(x: 0, y: 0), moduleSize: 2)
        canvas.blend(AlphaMask(width: 64, height: 64, coverage: Array(repeating: 200, count: 64 * 64)), at: Point(x: 0, y: 0), color: .white)
        for y in 0..<64 {
            for x in 0..<64 where !clip.contains(Point(x: x, y: y)) {
                #expect(buffer[x, y] == 0xFF01_0203, "pixel (\(x), \(y)) outside the clip changed")
            }
        }
        #expect(buffer[25, 25] != 0xFF01_0203)
    }

    /// A vertical gradient runs from the first colour on the top row to the second on the last.
    @Test func gradientEndsAtBothColours() {
        let buffer = PixelBuffer(width: 1, height: 11, color: .black)
        Canvas(buffer).fillGradient(buffer.bounds, from: .black, to: .white, axis: .vertical)
        #expect(buffer[0, 0] == 0xFF00_0000)
        #expect(buffer[0, 10] == 0xFFFF_FFFF)
        #expect(buffer[0, 5] == 0xFF80_8080)
    }
}
