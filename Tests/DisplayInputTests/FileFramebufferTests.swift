@testable import DeviceDrivers
import Graphics
import KioskTestSupport
import Testing

struct FileFramebufferTests {
    /// Should write a frame through mmap into the file, at (y + yoffset) * line_length + (x + xoffset) * 2 for RGB565 with padded lines
    @Test func presentWritesTheFileThroughTheMapping() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fb")
        let display = try await openDisplay("file:\(path)?width=4&height=3&format=rgb565&line_length=14&xoffset=1&yoffset=2")
        #expect(display.kind == "file" && display.bufferingMode == "shadow")
        #expect(display.width == 4 && display.height == 3)
        let frame = PixelBuffer(width: 4, height: 3, color: .black)
        frame[2, 1] = 0xFF12_3456
        try await display.present(frame, damage: [frame.bounds])
        let bytes = try fileBytes(path)
        // (2 + 3) lines of 14 bytes: the file grew to hold yoffset + height lines.
        #expect(bytes.count == 14 * 5)
        let offset = (1 + 2) * 14 + (2 + 1) * 2
        #expect(Array(bytes[offset..<offset + 2]) == [0xAA, 0x11])
        #expect(bytes[0..<28].allSatisfy { $0 == 0 })
        // Read back: 565 widened by repeating the top bits.
        #expect(display.screenshot()[2, 1] == 0xFF10_3452)
        await display.close()
    }

    /// Should copy only damaged areas into the file: an undamaged change stays off the screen
    @Test func onlyDamageReachesTheFile() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fb")
        let display = try await openDisplay("file:\(path)?width=8&height=8")
        let frame = PixelBuffer(width: 8, height: 8, color: .white)
        try await display.present(frame, damage: [frame.bounds])
        frame[0, 0] = 0xFF00_0000
        frame[5, 5] = 0xFF00_0000
        try await display.present(frame, damage: [Rect(x: 4, y: 4, width: 2, height: 2)])
        let bytes = try fileBytes(path)
        #expect(Array(bytes[0..<4]) == [0xFF, 0xFF, 0xFF, 0xFF])
        let offset = 5 * 32 + 5 * 4
        #expect(Array(bytes[offset..<offset + 4]) == [0, 0, 0, 0xFF])
        await display.close()
    }

    /// Should double-buffer by panning when the file holds two screens: each present draws the hidden page, then shows it
    @Test func panningDrawsTheBackPage() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fb")
        let display = try await openDisplay("file:\(path)?width=4&height=2&virtual_height=4")
        #expect(display.bufferingMode == "panning")
        let frame = PixelBuffer(width: 4, height: 2, color: .black)
        frame[1, 0] = 0xFF11_1111
        try await display.present(frame, damage: [frame.bounds])
        var bytes = try fileBytes(path)
        // Page 1 starts at line 2 (16 bytes a line); page 0 untouched.
        #expect(bytes[2 * 16 + 4] == 0x11)
        #expect(bytes[4] == 0)
        #expect(display.screenshot()[1, 0] == 0xFF11_1111)
        frame[3, 1] = 0xFF22_2222
        try await display.present(frame, damage: [Rect(x: 3, y: 1, width: 1, height: 1)])
        bytes = try fileBytes(path)
        // Page 0 is whole now: first drawn, so copied entirely.
        #expect(bytes[4] == 0x11 && bytes[16 + 12] == 0x22)
        frame[0, 0] = 0xFF33_3333
        try await display.present(frame, damage: [Rect(x: 0, y: 0, width: 1, height: 1)])
        bytes = try fileBytes(path)
        // Page 1 gets this damage plus the previous frame's (3, 1), which it had missed.
        #expect(bytes[2 * 16] == 0x33 && bytes[3 * 16 + 12] == 0x22)
        #expect(display.screenshot()[3, 1] == 0xFF22_2222)
        await display.close()
    }

    /// Should rotate on the way into the file: a portrait UI on a landscape file, pixel by pixel
    @Test func rotatesIntoTheFile() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fb")
        let display = try await openDisplay("file:\(path)?width=6&height=4&format=xbgr8888&width_mm=60&height_mm=40", rotation: .degrees90)
        #expect(display.width == 4 && display.height == 6)
        #expect(display.sizeMillimetres?.width == 40 && display.sizeMillimetres?.height == 60)
        let frame = PixelBuffer(width: 4, height: 6, color: .black)
        frame[0, 0] = 0xFF12_3456
        try await display.present(frame, damage: [frame.bounds])
        let bytes = try fileBytes(path)
        // UI (0, 0) -> panel (5, 0): the top-right corner.
        #expect(Array(bytes[20..<24]) == [0x12, 0x34, 0x56, 0xFF])
        await display.close()
    }

    /// Should blank a display without FBIOBLANK by showing black, and draw the whole frame again after unblanking
    @Test func blankingFallsBackToBlack() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fb")
        let display = try await openDisplay("file:\(path)?width=4&height=4")
        let frame = PixelBuffer(width: 4, height: 4, color: .white)
        try await display.present(frame, damage: [frame.bounds])
        try await display.blank(true)
        #expect(try fileBytes(path).allSatisfy { $0 == 0 })
        try await display.blank(false)
        try await display.present(frame, damage: [])
        #expect(try fileBytes(path).allSatisfy { $0 == 0xFF })
        await display.close()
    }

    /// Should refuse a file location without a size, saying what a location looks like
    @Test func refusesFileWithoutSize() async {
        await #expect {
            _ = try await openDisplay("file:/tmp/fb?format=rgb565")
        } throws: { error in
            (error as? DeviceError)?.message.contains("needs width and height") == true
        }
    }
}
