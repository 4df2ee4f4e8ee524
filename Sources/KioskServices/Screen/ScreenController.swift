import ControlProtocol
import DeviceDrivers
import Graphics
import KioskCore
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
    /// Dimmed with the attract screen at night; nil without a backlight.
    var backlight: PanelBacklight?
    /// The panel's physical size: text and targets are sized in millimetres (elderly mode).
    let panel: PanelSize
    /// The journey's current screen, laid out, with its touch targets; nil until the journey
    /// shows its first screen (the welcome screen shows meanwhile).
    private(set) var kioskLayout: (view: KioskView, layout: ScreenLayout)?

    init(display: any Display, fonts: FontSet, kioskID: String, panelMillimetres: (width: Int, height: Int)?) {
        self.display = display
        self.fonts = fonts
        self.kioskID = kioskID
        frame = PixelBuffer(width: display.width, height: display.height, color: Theme.background)
        panel = Self.panel(configured: panelMillimetres ?? display.sizeMillimetres, width: display.width, height: display.height)
    }

    /// The kiosk's dimmed attract screen is up (not a technician's mode over it).
    var showsDimmedAttract: Bool {
        guard case .kiosk = mode else { return false }
        return kioskLayout?.view.screen == .attract(isDimmed: true)
    }

    /// Lays out the journey's screen once; drawing and hit testing then use that layout.
    func setKioskView(_ view: KioskView) {
        guard view != kioskLayout?.view else { return }
        kioskLayout = (view, KioskScreenLayout.layout(view, width: display.width, height: display.height, panel: panel, fonts: fonts))
    }

    /// What a tap at `point` means on the journey's screen (nil in a technician's mode).
    func intent(at point: Point) -> Intent? {
        guard case .kiosk = mode else { return nil }
        return kioskLayout?.layout.intent(at: point)
    }

    /// A configured size in the panel's orientation is turned to the UI's; none means the hall's
    /// 21.5-inch panel.
    static func panel(configured: (width: Int, height: Int)?, width: Int, height: Int) -> PanelSize {
        guard let size = configured else { return .portrait21_5 }
        let turned = (size.width > size.height) != (width > height)
        return turned ? PanelSize(widthMM: Double(size.height), heightMM: Double(size.width)) : PanelSize(widthMM: Double(size.width), heightMM: Double(size.height))
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
            if let kioskLayout { return kioskLayout.layout.drawList }
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
