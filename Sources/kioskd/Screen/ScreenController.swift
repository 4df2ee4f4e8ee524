import ControlProtocol
import DeviceDrivers
import Graphics
import KioskUI

/// The display, the renderer and the fonts, owned by the screen service's task, and what it
/// shows now. Not Sendable (FreeType, the frame): it never leaves that task.
final class ScreenController {
    let display: any Display
    let fonts: FontSet
    let kioskID: String
    let renderer = ScreenRenderer()
    /// The UI frame the renderer draws into; the display copies its damaged parts to the panel.
    let frame: PixelBuffer
    var mode: ScreenMode = .kiosk
    /// Bumped whenever a mode ends, so a timer set for an earlier mode does nothing.
    var generation = 0
    var timer: Task<Void, Never>?
    /// nil until the touchscreen is open (or when the kiosk has none).
    var touchPanel: TouchPanel?

    init(display: any Display, fonts: FontSet, kioskID: String) {
        self.display = display
        self.fonts = fonts
        self.kioskID = kioskID
        frame = PixelBuffer(width: display.width, height: display.height, color: Theme.background)
    }

    /// The panel's own size in pixels (the UI's, turned back).
    var panelSize: (width: Int, height: Int) {
        display.rotation.uiSize(panelWidth: display.width, panelHeight: display.height)
    }

    /// The screen of the current mode.
    var drawList: DrawList {
        let (width, height) = (display.width, display.height)
        switch mode {
        case .kiosk:
            return WelcomeScreen.drawList(width: width, height: height, kioskID: kioskID, fonts: fonts)
        case .testPattern:
            return TestPattern.drawList(width: width, height: height)
        case let .touchTest(touches, _):
            let marks = touches.filter { $0.phase == "down" }.map { Point(x: $0.x, y: $0.y) }
            return TouchTestScreen.drawList(width: width, height: height, marks: marks, fonts: fonts)
        case let .calibrating(raw, _):
            return CalibrationScreen.drawList(width: width, height: height, step: min(raw.count, 4), fonts: fonts)
        }
    }

    /// Renders the current screen and presents what changed; returns the frames presented (0
    /// when nothing changed).
    func present() async throws(DeviceError) -> Int {
        let damage = renderer.render(drawList, into: frame)
        guard !damage.isEmpty else { return 0 }
        try await display.present(frame, damage: damage)
        return 1
    }
}

enum ScreenMode {
    case kiosk
    case testPattern
    case touchTest(touches: [TouchRecord], answer: CheckedContinuation<ControlResponse, Never>)
    /// The touches on the targets so far (in the panel's raw coordinates and as mapped now).
    case calibrating(raw: [ScreenTouch], answer: CheckedContinuation<ControlResponse, Never>)
}
