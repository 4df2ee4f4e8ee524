/// The panel's visible area in millimetres. Sizes on a kiosk are physical (MIIT's points read as
/// 60 pt ~ 9.5 mm), so every pixel size comes from this and the screen's pixels.
public struct PanelSize: Sendable, Equatable {
    public var widthMM: Double
    public var heightMM: Double

    public init(widthMM: Double, heightMM: Double) {
        self.widthMM = widthMM
        self.heightMM = heightMM
    }

    /// A 21.5-inch panel in portrait, the hall's terminals (1080x1920).
    public static let portrait21_5 = PanelSize(widthMM: 268, heightMM: 476)

    /// One MIIT point in millimetres: 60 pt ~ 9.5 mm.
    public static let millimetresPerPoint = 9.5 / 60
}
