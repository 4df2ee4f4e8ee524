import DeviceDrivers
import Foundation
import Graphics
import Testing

/// Documents rendered to ESC/POS for different printer profiles.
struct PrintDocumentTests {
    /// Should start with initialise and Chinese mode, and end with feed and full cut on a full cutter
    @Test func textModeFraming() throws {
        let bytes = try PrintDocument([.line("A")]).escposBytes(for: .standard80mm)
        #expect(bytes == [0x1B, 0x40, 0x1C, 0x26, 0x41, 0x0A, 0x1B, 0x64, 0x04, 0x1D, 0x56, 0x00])
    }

    /// Should cut with feed-and-partial on a partial cutter, and present on a presenter
    @Test func cutFollowsTheProfile() throws {
        let partial = try PrintDocument([.cut]).escposBytes(for: PrinterProfile(cutter: .partial))
        #expect(partial.suffix(4) == [0x1D, 0x56, 0x42, 0x04])
        let presenter = try PrintDocument([.cut]).escposBytes(for: PrinterProfile(presenter: true))
        #expect(presenter.suffix(9) == [0x1B, 0x64, 0x04, 0x1B, 0x69, 0x1D, 0x65, 0x03, 0x00])
    }

    /// Should pad a key/value row to the paper's 48 columns, counting Chinese characters as two
    @Test func keyValueFillsTheLine() throws {
        let bytes = try PrintDocument([.keyValue("窗口", "3")]).escposBytes(for: .standard80mm)
        // 窗口 = B4 B0 BF DA: 4 columns, "3" 1 column, so 43 spaces between.
        let expected: [UInt8] = [0xB4, 0xB0, 0xBF, 0xDA] + Array(repeating: 0x20, count: 43) + [0x33, 0x0A]
        #expect(Array(bytes[4..<(4 + expected.count)]) == expected)
    }

    /// Should send QR codes as GS ( k on printers with hardware QR and as a raster image otherwise
    @Test func qrFollowsTheProfile() throws {
        let hardware = try PrintDocument([.qrCode("https://x.cn/1")]).escposBytes(for: .standard80mm)
        #expect(hardware.contains(subsequence: [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]))
        let raster = try PrintDocument([.qrCode("https://x.cn/1")]).escposBytes(for: PrinterProfile(hardwareQR: false))
        #expect(!raster.contains(subsequence: [0x1D, 0x28, 0x6B]))
        #expect(raster.contains(subsequence: [0x1D, 0x76, 0x30, 0x00, 72, 0]))
    }

    /// Should send the whole document as raster for a printer without a font ROM: no FS &, no text bytes
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FontFace.notoSansCJKPath), "fonts-noto-cjk is not installed"))
    func noFontROMPrintsRaster() throws {
        let profile = PrinterProfile(paperWidthDots: 384, chineseFontROM: false)
        let bytes = try PrintDocument([.title("请取票"), .line("A017"), .cut]).escposBytes(for: profile)
        #expect(Array(bytes.prefix(2)) == [0x1B, 0x40])
        #expect(!bytes.contains(subsequence: [0x1C, 0x26]))
        // Every raster command is 48 bytes (384 dots) wide; the job ends with feed and full cut.
        #expect(bytes.contains(subsequence: [0x1D, 0x76, 0x30, 0x00, 48, 0]))
        #expect(Array(bytes.suffix(6)) == [0x1B, 0x64, 0x04, 0x1D, 0x56, 0x00])
    }

    /// Should name the missing font when raster text cannot be drawn
    @Test func missingFontIsReported() {
        let profile = PrinterProfile(chineseFontROM: false)
        #expect(throws: PrintEncodingError.fontUnavailable("/nonexistent.ttc")) {
            try PrintDocument([.line("A017")]).escposBytes(for: profile, fontPath: "/nonexistent.ttc")
        }
    }

    /// Should send a raster QR code as wide as 58 mm paper (48 bytes a row) when the printer has no hardware QR
    @Test func rasterQRMatchesTheMatrix() throws {
        let matrix = try QRCodeMatrix(encoding: Array("A017".utf8))
        let bytes = try PrintDocument([.qrCode("A017")]).escposBytes(for: PrinterProfile(paperWidthDots: 384, hardwareQR: false))
        // Module size = min(8, 384 / (size + 8)); the first image row with ink is the finder pattern's top.
        let moduleSize = min(8, 384 / (matrix.size + 8))
        #expect(moduleSize >= 1)
        #expect(bytes.contains(subsequence: [0x1D, 0x76, 0x30, 0x00, 48, 0]))
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}
