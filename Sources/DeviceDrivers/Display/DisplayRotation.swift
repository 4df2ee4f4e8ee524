import Graphics

/// How the UI is turned on the panel, clockwise: with `.degrees90` a portrait UI (1080x1920)
/// appears on a landscape panel (1920x1080) with the UI's top edge along the panel's right edge.
/// The display rotates frames UI -> panel; touch input maps panel -> UI with the inverse.
public enum DisplayRotation: Int, Sendable, Equatable, CaseIterable {
    case degrees0 = 0
    case degrees90 = 90
    case degrees180 = 180
    case degrees270 = 270

    /// From a configuration's degrees; nil for anything but 0, 90, 180 or 270.
    public init?(degrees: Int) { self.init(rawValue: degrees) }

    public var degrees: Int { rawValue }

    var swapsAxes: Bool { self == .degrees90 || self == .degrees270 }

    /// The UI's size for a panel of `panel` pixels.
    public func uiSize(panelWidth: Int, panelHeight: Int) -> (width: Int, height: Int) {
        swapsAxes ? (panelHeight, panelWidth) : (panelWidth, panelHeight)
    }

    /// Where UI pixel (x, y) lands on a panel of the given size.
    public func panelPixel(ui x: Int, _ y: Int, panelWidth: Int, panelHeight: Int) -> Point {
        switch self {
        case .degrees0: Point(x: x, y: y)
        case .degrees90: Point(x: panelWidth - 1 - y, y: x)
        case .degrees180: Point(x: panelWidth - 1 - x, y: panelHeight - 1 - y)
        case .degrees270: Point(x: y, y: panelHeight - 1 - x)
        }
    }

    /// The panel rectangle that UI rectangle `rect` covers.
    public func panelRect(ui rect: Rect, panelWidth: Int, panelHeight: Int) -> Rect {
        switch self {
        case .degrees0: rect
        case .degrees90: Rect(x: panelWidth - rect.maxY, y: rect.x, width: rect.height, height: rect.width)
        case .degrees180: Rect(x: panelWidth - rect.maxX, y: panelHeight - rect.maxY, width: rect.width, height: rect.height)
        case .degrees270: Rect(x: rect.y, y: panelHeight - rect.maxX, width: rect.height, height: rect.width)
        }
    }

    /// A panel position (pixels, fractions allowed) in UI coordinates: the inverse of
    /// `panelPixel`. Touch uses it after calibration.
    public func uiPoint(panel x: Double, _ y: Double, panelWidth: Int, panelHeight: Int) -> (x: Double, y: Double) {
        let lastX = Double(panelWidth - 1), lastY = Double(panelHeight - 1)
        switch self {
        case .degrees0: return (x, y)
        case .degrees90: return (y, lastX - x)
        case .degrees180: return (lastX - x, lastY - y)
        case .degrees270: return (lastY - y, x)
        }
    }

    /// A UI position in panel coordinates (for calibration targets drawn in the UI).
    public func panelPoint(ui x: Double, _ y: Double, panelWidth: Int, panelHeight: Int) -> (x: Double, y: Double) {
        let lastX = Double(panelWidth - 1), lastY = Double(panelHeight - 1)
        switch self {
        case .degrees0: return (x, y)
        case .degrees90: return (lastX - y, x)
        case .degrees180: return (lastX - x, lastY - y)
        case .degrees270: return (y, lastY - x)
        }
    }
}
