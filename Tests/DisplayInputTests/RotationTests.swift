@testable import DeviceDrivers
import Graphics
import Testing

struct RotationTests {
    /// Panel 5x3. UI pixel (1, 0), worked out by hand for each rotation (clockwise).
    static let landings: [(DisplayRotation, Point)] = [
        (.degrees0, Point(x: 1, y: 0)),
        // UI 3x5, top edge along the panel's right edge: (W-1-y, x).
        (.degrees90, Point(x: 4, y: 1)),
        (.degrees180, Point(x: 3, y: 2)),
        // (y, H-1-x).
        (.degrees270, Point(x: 0, y: 1)),
    ]

    /// Should put a UI pixel at the right panel pixel, and nowhere else, for every rotation
    @Test(arguments: landings)
    func framePixelLandsOnPanelPixel(rotation: DisplayRotation, expected: Point) {
        let scanout = FakeScanout(width: 5, height: 3, format: .xrgb8888)
        let size = rotation.uiSize(panelWidth: 5, panelHeight: 3)
        let frame = PixelBuffer(width: size.width, height: size.height)
        frame[1, 0] = 0xFFAB_CDEF
        FrameCopier.copy(Rect(x: 1, y: 0, width: 1, height: 1), of: frame, rotation: rotation, into: scanout.page)
        #expect(scanout.changedPixels() == [expected])
        #expect(scanout.bytes(atX: expected.x, y: expected.y) == [0xEF, 0xCD, 0xAB, 0xFF])
    }

    /// Damage 2x1 at (0, 1) of the UI, per rotation, on a 5x3 panel, by hand.
    static let damages: [(DisplayRotation, Rect)] = [
        (.degrees0, Rect(x: 0, y: 1, width: 2, height: 1)),
        (.degrees90, Rect(x: 3, y: 0, width: 1, height: 2)),
        (.degrees180, Rect(x: 3, y: 1, width: 2, height: 1)),
        (.degrees270, Rect(x: 1, y: 1, width: 1, height: 2)),
    ]

    /// Should map a damaged rectangle to the panel rectangle it covers and copy exactly that
    @Test(arguments: damages)
    func damageMapsToPanelRect(rotation: DisplayRotation, expected: Rect) {
        let damage = Rect(x: 0, y: 1, width: 2, height: 1)
        #expect(rotation.panelRect(ui: damage, panelWidth: 5, panelHeight: 3) == expected)
        let scanout = FakeScanout(width: 5, height: 3, format: .rgb565)
        let size = rotation.uiSize(panelWidth: 5, panelHeight: 3)
        FrameCopier.copy(damage, of: numberedFrame(width: size.width, height: size.height), rotation: rotation, into: scanout.page)
        var covered = Set<Point>()
        for y in expected.minY..<expected.maxY { for x in expected.minX..<expected.maxX { covered.insert(Point(x: x, y: y)) } }
        #expect(scanout.changedPixels() == covered)
    }

    /// Should copy a frame larger than several tiles (ragged edges) and read it back unchanged, for every rotation
    @Test(arguments: DisplayRotation.allCases)
    func tiledCopyRoundTrips(rotation: DisplayRotation) {
        let scanout = FakeScanout(width: 97, height: 70, format: .xrgb8888, padding: 20)
        let size = rotation.uiSize(panelWidth: 97, panelHeight: 70)
        let frame = numberedFrame(width: size.width, height: size.height)
        FrameCopier.copy(frame.bounds, of: frame, rotation: rotation, into: scanout.page)
        let back = FrameCopier.read(scanout.page, rotation: rotation)
        #expect(back.width == size.width && back.height == size.height)
        var mismatches = 0
        for y in 0..<size.height { for x in 0..<size.width where back[x, y] != frame[x, y] { mismatches += 1 } }
        #expect(mismatches == 0)
        #expect((0..<70).allSatisfy { scanout.paddingIntact(line: $0) })
    }
}
