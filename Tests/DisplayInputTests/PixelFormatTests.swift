@testable import DeviceDrivers
import Graphics
import Testing

struct PixelFormatTests {
    /// Colour 0x123456 (R 12, G 34, B 56) must land as these exact bytes, in memory order.
    static let expectations: [(PixelFormat, [UInt8])] = [
        (.xrgb8888, [0x56, 0x34, 0x12, 0xFF]),
        (.xbgr8888, [0x12, 0x34, 0x56, 0xFF]),
        // R 0x12>>3 = 2, G 0x34>>2 = 13, B 0x56>>3 = 10: 2<<11 | 13<<5 | 10 = 0x11AA.
        (.rgb565, [0xAA, 0x11]),
        // 10<<11 | 13<<5 | 2 = 0x51A2.
        (.bgr565, [0xA2, 0x51]),
    ]

    /// Should write the exact bytes of each format at a known pixel, leaving line padding untouched
    @Test(arguments: expectations)
    func convertsIntoPaddedLines(format: PixelFormat, expected: [UInt8]) {
        let scanout = FakeScanout(width: 5, height: 4, format: format, padding: 12)
        let frame = PixelBuffer(width: 5, height: 4, color: .white)
        frame[3, 2] = 0xFF12_3456
        FrameCopier.copy(frame.bounds, of: frame, rotation: .degrees0, into: scanout.page)
        #expect(scanout.bytes(atX: 3, y: 2) == expected)
        let white: [UInt8] = format.bytesPerPixel == 4 ? [0xFF, 0xFF, 0xFF, 0xFF] : [0xFF, 0xFF]
        #expect(scanout.bytes(atX: 4, y: 3) == white)
        #expect((0..<4).allSatisfy { scanout.paddingIntact(line: $0) })
    }

    /// Should detect each format from its channel offsets, XRGB and XBGR apart although both are 32 bits
    @Test(arguments: PixelFormat.allCases)
    func detectsFormatFromOffsets(format: PixelFormat) throws {
        #expect(try FramebufferLayout.format(of: ChannelLayout(format), path: "/dev/fb0") == format)
    }

    /// Should refuse 24-bit RGB888 with a message naming the device and the channel offsets
    @Test func refusesUnknownFormat() {
        let rgb888 = ChannelLayout(bitsPerPixel: 24, red: .init(16, 8), green: .init(8, 8), blue: .init(0, 8))
        #expect {
            try FramebufferLayout.format(of: rgb888, path: "/dev/fb1")
        } throws: { error in
            let message = (error as? DeviceError)?.message ?? ""
            return message.contains("'/dev/fb1'") && message.contains("24 bits per pixel, red 16/8, green 8/8, blue 0/8")
        }
    }

    /// Should read back through the device format to the working format (565 widened so white stays white)
    @Test(arguments: PixelFormat.allCases)
    func decodesWhatItEncodes(format: PixelFormat) {
        #expect(format.decode(format.encode(0xFFFF_FFFF)) == 0xFFFF_FFFF)
        #expect(format.decode(format.encode(0xFF00_0000)) == 0xFF00_0000)
        #expect(format.decode(format.encode(0xFF84_2108)) == (format.bytesPerPixel == 4 ? 0xFF84_2108 : 0xFF84_2008))
    }
}
