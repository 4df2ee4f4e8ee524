import DeviceDrivers
import Graphics
import KioskConfiguration
import KioskUI

/// The touch panel as the screen task sees it: how raw device units map to UI pixels (the
/// calibration can change while kioskd runs) and how calibration targets are fitted.
struct TouchPanel {
    var mapping: TouchMapping
    let rotation: DisplayRotation

    struct Calibration {
        var matrix: CalibrationMatrix
        /// Mean distance, in UI pixels, between each target and where its touch lands now.
        var meanErrorPixels: Double
    }

    /// The touch as a screen touch: raw units kept, position mapped with the current calibration.
    func screenTouch(_ event: TouchEvent) -> ScreenTouch {
        let point = mapping.uiPoint(rawX: event.x, rawY: event.y)
        return ScreenTouch(phase: ScreenTouch.Phase(rawValue: event.phase.rawValue) ?? .move, contact: event.contact,
                           rawX: Int(event.x.rounded()), rawY: Int(event.y.rounded()), x: Int(point.x.rounded()), y: Int(point.y.rounded()))
    }

    /// Fits the matrix that brings each touch onto its target (UI pixels), in the panel's frame,
    /// and uses it from now on.
    mutating func calibrate(touches: [ScreenTouch], targets: [Point]) throws(CalibrationError) -> Calibration {
        let lastX = Double(mapping.panelWidth - 1), lastY = Double(mapping.panelHeight - 1)
        let touched = touches.map { mapping.normalised(rawX: Double($0.rawX), rawY: Double($0.rawY)) }
        let wanted = targets.map { target -> (x: Double, y: Double) in
            let panel = rotation.panelPoint(ui: Double(target.x), Double(target.y), panelWidth: mapping.panelWidth, panelHeight: mapping.panelHeight)
            return (panel.x / lastX, panel.y / lastY)
        }
        let matrix = try CalibrationMatrix.fit(touched: touched, targets: wanted)
        mapping.calibration = matrix
        var error = 0.0
        for (touch, target) in zip(touches, targets) {
            let landed = mapping.uiPoint(rawX: Double(touch.rawX), rawY: Double(touch.rawY))
            error += ((landed.x - Double(target.x)) * (landed.x - Double(target.x)) + (landed.y - Double(target.y)) * (landed.y - Double(target.y))).squareRoot()
        }
        return Calibration(matrix: matrix, meanErrorPixels: error / Double(max(1, touches.count)))
    }
}

/// One touch as the screen service gets it: its phase, the contact, the raw panel coordinates
/// and the UI point they map to with the current calibration and rotation.
struct ScreenTouch: Sendable {
    enum Phase: String, Sendable { case down, move, up }
    var phase: Phase
    var contact: Int
    var rawX: Int
    var rawY: Int
    var x: Int
    var y: Int
}
