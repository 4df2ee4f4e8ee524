import Testing
@testable import Graphics

@Suite struct CanvasTests {
    /// A mask blended at full coverage writes the colour; at zero it leaves the pixel alone;
    /// pixels outside the clip never change.
    @Test func maskBlendRespectsCoverageAndClip() {
        let buffer = PixelBuffer(width: 4, height: 2, color: .black)
        let mask = AlphaMask(width: 3, height: 1, coverage: [255, 0, 128])
        Canvas(buffer, clip: Rect(x: 0, y: 0, width: 2, height: 2)).blend(mask, at: Point(x: 0, y: 0), color: .white)
        #expect(buffer[0, 0] == 0xFFFF_FFFF)
        #expect(buffer[1, 0] == 0xFF00_0000)
        #expect(buffer[2, 0] == 0xFF00_0000)
        Canvas(buffer).blend(mask, at: Point(x: 0, y: 1), color: .white)
        #expect(buffer[2, 1] == 0xFF80_8080)
    }
}
