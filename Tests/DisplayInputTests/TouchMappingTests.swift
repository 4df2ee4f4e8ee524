import DeviceDrivers
import Testing

struct TouchMappingTests {
    /// Should map raw (500, 200) of 0...1000 on a 101x51 panel turned 90° to UI (10, 50), worked out by hand
    @Test func handWorkedPoint() {
        let range = TouchMapping.AxisRange(minimum: 0, maximum: 1000)
        let mapping = TouchMapping(xRange: range, yRange: range, panelWidth: 101, panelHeight: 51, rotation: .degrees90)
        // Normalised (0.5, 0.2) -> panel (50, 10) -> UI (y, W-1-x) = (10, 50).
        let point = mapping.uiPoint(rawX: 500, rawY: 200)
        #expect(abs(point.x - 10) < 1e-9 && abs(point.y - 50) < 1e-9)
    }

    /// Should map a touch on the panel pixel where a UI point is shown back to that UI point, for every rotation
    @Test(arguments: DisplayRotation.allCases)
    func touchLandsOnTheUIPointShown(rotation: DisplayRotation) {
        let panelWidth = 800, panelHeight = 480
        // Raw units: 4 per pixel, offset by 100, as a controller with its own range would report.
        let xRange = TouchMapping.AxisRange(minimum: 100, maximum: Int32(100 + 4 * (panelWidth - 1)))
        let yRange = TouchMapping.AxisRange(minimum: 100, maximum: Int32(100 + 4 * (panelHeight - 1)))
        let mapping = TouchMapping(xRange: xRange, yRange: yRange, panelWidth: panelWidth, panelHeight: panelHeight, rotation: rotation)
        let ui = rotation.uiSize(panelWidth: panelWidth, panelHeight: panelHeight)
        for (x, y) in [(0, 0), (ui.width - 1, 0), (17, ui.height - 3), (ui.width / 2, ui.height / 3)] {
            let panel = rotation.panelPixel(ui: x, y, panelWidth: panelWidth, panelHeight: panelHeight)
            let point = mapping.uiPoint(rawX: Double(100 + 4 * panel.x), rawY: Double(100 + 4 * panel.y))
            #expect(abs(point.x - Double(x)) < 1e-6 && abs(point.y - Double(y)) < 1e-6, "UI (\(x), \(y)) at \(rotation)")
        }
    }

    /// Should calibrate in the panel's frame before rotating: a panel whose touch layer reads half-size and offset still maps to the UI point shown
    @Test(arguments: DisplayRotation.allCases)
    func calibrationBeforeRotation(rotation: DisplayRotation) throws {
        let panelWidth = 401, panelHeight = 201
        let range = TouchMapping.AxisRange(minimum: 0, maximum: 1000)
        // The touch layer reports u = 2t - 0.5 for a panel position t (both 0...1): the
        // calibration t = 0.5u + 0.25 undoes it.
        let calibration = try #require(CalibrationMatrix([0.5, 0, 0.25, 0, 0.5, 0.25]))
        let mapping = TouchMapping(xRange: range, yRange: range, calibration: calibration, panelWidth: panelWidth, panelHeight: panelHeight, rotation: rotation)
        let ui = rotation.uiSize(panelWidth: panelWidth, panelHeight: panelHeight)
        for (x, y) in [(ui.width / 2, ui.height / 2), (ui.width / 3, ui.height * 2 / 5)] {
            let panel = rotation.panelPixel(ui: x, y, panelWidth: panelWidth, panelHeight: panelHeight)
            let t = (Double(panel.x) / Double(panelWidth - 1), Double(panel.y) / Double(panelHeight - 1))
            let raw = ((2 * t.0 - 0.5) * 1000, (2 * t.1 - 0.5) * 1000)
            let point = mapping.uiPoint(rawX: raw.0, rawY: raw.1)
            #expect(abs(point.x - Double(x)) < 1e-6 && abs(point.y - Double(y)) < 1e-6, "UI (\(x), \(y)) at \(rotation)")
        }
    }
}
