import DeviceDrivers
import Foundation
import Graphics
import Testing

/// Runs only where a real display is named, e.g. in the VM rig (bochs DRM and its fbdev emulation):
/// KIOSK_TEST_DISPLAY=/dev/fb0 or KIOSK_TEST_DISPLAY=drm:/dev/dri/card0.
// One at a time: a DRM card has one master.
@Suite(.serialized)
struct HardwareDisplayTests {
    static let location = ProcessInfo.processInfo.environment["KIOSK_TEST_DISPLAY"]

    /// Should show a frame on real hardware and read the same pixels back, for every rotation
    @Test(.enabled(if: location != nil, "set KIOSK_TEST_DISPLAY to a framebuffer or DRM card (the VM rig has both)"),
          arguments: DisplayRotation.allCases)
    func presentsAndReadsBack(rotation: DisplayRotation) async throws {
        let display = try await openDisplay(try #require(Self.location), rotation: rotation)
        print("display \(display.kind) \(display.width)x\(display.height) \(display.format) \(display.bufferingMode) mm \(String(describing: display.sizeMillimetres)) notes \(display.notes)")
        let frame = PixelBuffer(width: display.width, height: display.height)
        for y in 0..<frame.height { for x in 0..<frame.width { frame[x, y] = 0xFF00_0000 | UInt32((x * 7) & 0xFF) << 16 | UInt32((y * 3) & 0xFF) << 8 | UInt32((x ^ y) & 0xFF) } }
        let start = ContinuousClock.now
        try await display.present(frame, damage: [frame.bounds])
        let full = ContinuousClock.now - start
        frame[5, 5] = 0xFF12_3456
        try await display.present(frame, damage: [Rect(x: 0, y: 0, width: 64, height: 64)])
        // A third present: with panning or page flips, the page drawn first is shown again and
        // must have received the second frame's damage.
        try await display.present(frame, damage: [])
        try await display.present(frame, damage: [Rect(x: 100, y: 100, width: 1, height: 1)])
        let shot = display.screenshot()
        var mismatches = 0
        for y in 0..<frame.height { for x in 0..<frame.width where shot[x, y] != (frame[x, y] | 0xFF00_0000) { mismatches += 1 } }
        print("rotation \(rotation.degrees): full-frame present \(full), mismatches \(mismatches)")
        #expect(mismatches == 0)
        try await display.blank(true)
        try await display.blank(false)
        try await display.present(frame, damage: [])
        print("notes after blanking: \(display.notes)")
        await display.close()
    }
}
