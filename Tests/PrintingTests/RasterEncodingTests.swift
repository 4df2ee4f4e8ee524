import DeviceDrivers
import Testing

struct RasterEncodingTests {
    /// Should send a small image as one GS v 0 with x = bytes per row and y = rows, MSB leftmost
    @Test func smallImage() {
        var image = RasterImage(width: 10, height: 2)
        image[0, 0] = true
        image[9, 1] = true
        var encoder = ESCPOSEncoder()
        encoder.rasterImage(image)
        #expect(encoder.bytes == [0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0, 0x80, 0x00, 0x00, 0x40])
    }

    /// Should feed blank rows with ESC J instead of sending them
    @Test func blankRowsAreFed() {
        var image = RasterImage(width: 8, height: 300)
        image[0, 0] = true
        image[0, 299] = true
        var encoder = ESCPOSEncoder()
        encoder.rasterImage(image)
        // Row 0, then 298 blank rows fed as 255 + 43, then row 299.
        #expect(encoder.bytes == [0x1D, 0x76, 0x30, 0x00, 1, 0, 1, 0, 0x80,
                                  0x1B, 0x4A, 255, 0x1B, 0x4A, 43,
                                  0x1D, 0x76, 0x30, 0x00, 1, 0, 1, 0, 0x80])
    }

    /// Should split a tall image into commands of at most 960 rows
    @Test func tallImageIsSplit() {
        var image = RasterImage(width: 576, height: 2000)
        for y in 0..<2000 { image[y % 576, y] = true }
        var encoder = ESCPOSEncoder()
        encoder.rasterImage(image)
        let bytes = encoder.bytes
        // Three commands: 960, 960, 80 rows, each 72 bytes a row.
        #expect(bytes.count == 3 * 8 + 2000 * 72)
        #expect(Array(bytes[0..<8]) == [0x1D, 0x76, 0x30, 0x00, 72, 0, 0xC0, 0x03])
        let second = 8 + 960 * 72
        #expect(Array(bytes[second..<(second + 8)]) == [0x1D, 0x76, 0x30, 0x00, 72, 0, 0xC0, 0x03])
        let third = second + 8 + 960 * 72
        #expect(Array(bytes[third..<(third + 8)]) == [0x1D, 0x76, 0x30, 0x00, 72, 0, 80, 0])
    }
}
