import Foundation
import Graphics
import KioskTestSupport
import Testing

/// The small Graphics pieces the printer work added: PNG files, QR matrices, CJK text.
struct GraphicsPiecesTests {
    /// Should write a PNG that starts with the PNG signature
    @Test func writesPNG() throws {
        let directory = try TemporaryDirectory()
        var bitmap = GreyscaleBitmap(width: 8, height: 2)
        bitmap[0, 0] = 0
        try PNGFile.write(bitmap, to: directory.file("a.png"))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory.file("a.png"))).prefix(8))
        #expect(bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// Should report libpng's message, naming the path, when the file cannot be written
    @Test func pngWriteErrorNamesThePath() {
        let error = #expect(throws: PNGFile.WriteError.self) { try PNGFile.write(GreyscaleBitmap(width: 1, height: 1), to: "/nonexistent-dir/a.png") }
        #expect(error?.description.hasPrefix("Unable to write the PNG '/nonexistent-dir/a.png'") == true)
    }

    /// Should encode a QR code of version 1 (21 modules) for a short text, with dark finder corners
    @Test func qrMatrix() throws {
        let matrix = try QRCodeMatrix(encoding: Array("A017".utf8))
        #expect(matrix.size == 21)
        #expect(matrix[0, 0] && matrix[20, 0] && matrix[0, 20])
        #expect(!matrix[7, 7])
    }

    /// Should refuse data too long for any QR version
    @Test func qrTooLong() {
        #expect(throws: QRCodeMatrix.EncodeError.self) { try QRCodeMatrix(encoding: Array(repeating: 0x41, count: 8000)) }
    }

    /// Should draw a Chinese character with ink when the CJK font is installed
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FontFace.notoSansCJKPath), "fonts-noto-cjk is not installed"))
    func rendersChinese() throws {
        let face = try FontFace(library: FreeTypeLibrary(), path: FontFace.notoSansCJKPath, faceIndex: FontFace.notoSansCJKSimplifiedChineseFace, pixelSize: 24)
        let line = face.render("中", cellWidth: 12)
        #expect(line.width == 24)
        #expect(line.pixels.contains { $0 < 128 })
    }
}
