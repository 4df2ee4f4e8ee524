/// Converts physical sizes to pixels for one screen: pixels per millimetre from the panel's size
/// and resolution (the mean of both axes, as panels have square pixels within a percent).
public struct ScreenScale: Sendable, Equatable {
    public var pixelsPerMM: Double

    public init(width: Int, height: Int, panel: PanelSize) {
        pixelsPerMM = (Double(width) / panel.widthMM + Double(height) / panel.heightMM) / 2
    }

    public func pixels(mm: Double) -> Int { Int((mm * pixelsPerMM).rounded()) }

    public func pixels(points: Double) -> Int { pixels(mm: points * PanelSize.millimetresPerPoint) }

    public func millimetres(pixels: Int) -> Double { Double(pixels) / pixelsPerMM }

    public func points(pixels: Int) -> Double { millimetres(pixels: pixels) / PanelSize.millimetresPerPoint }
}
