import Foundation
import Testing
@testable import Graphics

@Suite struct PNGFileTests {
    /// An RGBA image written and read back has the same pixels, alpha included.
    @Test func rgbaRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var image = RGBAImage(width: 7, height: 5, color: Color(rgb: 0x204060, alpha: 200))
        image[0, 0] = Color(rgb: 0xFF0000)
        image[6, 4] = Color(rgb: 0x00FF00, alpha: 0)
        image[3, 2] = Color(rgb: 0x0102FE, alpha: 1)
        let path = directory.file("image.png")
        try PNGFile.write(image, to: path)
        #expect(try PNGFile.readRGBA(from: path) == image)
    }

    /// A screenshot of a pixel buffer reads back as the same opaque colours.
    @Test func screenshotRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let buffer = PixelBuffer(width: 6, height: 4, color: Color(rgb: 0x0B1A33))
        buffer[2, 1] = Color(rgb: 0x2196F3).xrgb8888
        buffer[5, 3] = 0x00FF_EEDD  // an X byte of 0 must not become transparency
        let path = directory.file("screen.png")
        try PNGFile.write(buffer, to: path)
        let read = try PNGFile.readRGBA(from: path)
        #expect(read == RGBAImage(buffer))
        #expect(read[5, 3] == Color(rgb: 0xFFEEDD))
    }

    /// A greyscale bitmap (the printers' path) reads back as grey RGBA.
    @Test func greyscaleWritesStillWork() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bitmap = GreyscaleBitmap(width: 3, height: 2)
        bitmap[1, 1] = 0
        let path = directory.file("grey.png")
        try PNGFile.write(bitmap, to: path)
        let read = try PNGFile.readRGBA(from: path)
        #expect(read[1, 1] == Color.black)
        #expect(read[0, 0] == Color.white)
    }

    /// A file that is not a PNG is refused with libpng's reason, and the file is left as it was.
    @Test func garbageIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("garbage.png")
        let garbage = Data("this is not a picture at all, just text".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: PNGFile.ReadError.self) { try PNGFile.readRGBA(from: path) }
        #expect(error?.path == path)
        #expect(error?.message.isEmpty == false)
        #expect(error?.description.hasPrefix("Unable to read the PNG '\(path)': ") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    /// A PNG cut off in the middle of its pixel data throws instead of returning a half image.
    @Test func truncatedFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var image = RGBAImage(width: 64, height: 64, color: .white)
        // Noise, so the compressed data is long enough to cut.
        var seed: UInt32 = 7
        for index in image.bytes.indices {
            seed = seed &* 1_103_515_245 &+ 12345
            image.bytes[index] = UInt8(truncatingIfNeeded: seed >> 16)
        }
        let path = directory.file("cut.png")
        try PNGFile.write(image, to: path)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(throws: PNGFile.ReadError.self) { try PNGFile.readRGBA(from: path) }
    }

    /// A missing file is refused with its path.
    @Test func missingFileIsRefused() {
        let error = #expect(throws: PNGFile.ReadError.self) { try PNGFile.readRGBA(from: "/nonexistent/kiosk.png") }
        #expect(error?.path == "/nonexistent/kiosk.png")
    }

    /// An RGBA image drawn at half opacity blends over what is there.
    @Test func imageDrawsWithAlpha() {
        let buffer = PixelBuffer(width: 4, height: 1, color: .black)
        var image = RGBAImage(width: 3, height: 1, color: .white)
        image[1, 0] = Color.white.withAlpha(128)
        image[2, 0] = Color.white.withAlpha(0)
        Canvas(buffer).draw(image, at: Point(x: 1, y: 0))
        #expect(buffer[0, 0] == 0xFF00_0000)
        #expect(buffer[1, 0] == 0xFFFF_FFFF)
        #expect(buffer[2, 0] == 0xFF80_8080)
        #expect(buffer[3, 0] == 0xFF00_0000)
    }
}
