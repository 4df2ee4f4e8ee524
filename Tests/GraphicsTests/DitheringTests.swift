import Testing
@testable import Graphics

@Suite struct DitheringTests {
    private func grey(_ value: UInt8, width: Int = 64, height: Int = 64) -> GreyscaleBitmap {
        var bitmap = GreyscaleBitmap(width: width, height: height)
        bitmap.fill(x: 0, y: 0, width: width, height: height, value: value)
        return bitmap
    }

    private func blackShare(_ bitmap: GreyscaleBitmap) -> Double {
        Double(bitmap.pixels.filter { $0 == GreyscaleBitmap.black }.count) / Double(bitmap.pixels.count)
    }

    /// 50% grey becomes about half black dots, by both methods, and only black or white.
    @Test(arguments: [Dithering.Method.floydSteinberg, .ordered])
    func midGreyIsHalfBlack(method: Dithering.Method) {
        let result = Dithering.dither(grey(128), method: method)
        #expect(result.pixels.allSatisfy { $0 == GreyscaleBitmap.black || $0 == GreyscaleBitmap.white })
        #expect(abs(blackShare(result) - 0.5) < 0.03, "black share \(blackShare(result))")
    }

    /// Pure black and pure white come out exactly as they went in.
    @Test(arguments: [Dithering.Method.floydSteinberg, .ordered])
    func blackAndWhiteAreExact(method: Dithering.Method) {
        #expect(blackShare(Dithering.dither(grey(0), method: method)) == 1)
        #expect(blackShare(Dithering.dither(grey(255), method: method)) == 0)
    }

    /// A quarter-grey (75% brightness) gives about a quarter black dots.
    @Test func lightGreyIsQuarterBlack() {
        #expect(abs(blackShare(Dithering.dither(grey(191))) - 0.25) < 0.03)
    }

    /// A colour picture is converted by luma over white paper: transparent pixels are white.
    @Test func colourPictureOverWhitePaper() {
        var image = RGBAImage(width: 2, height: 1, color: .black)
        image[1, 0] = Color.black.withAlpha(0)
        let result = Dithering.dither(image)
        #expect(result[0, 0] == GreyscaleBitmap.black)
        #expect(result[1, 0] == GreyscaleBitmap.white)
    }
}
