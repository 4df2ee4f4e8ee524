import Graphics
import KioskCore

/// One screen ready to show: what to draw and where a tap means what. kioskd renders `drawList`
/// and passes each tap's point to `intent(at:)`.
public struct ScreenLayout: Sendable, Equatable {
    public var drawList: DrawList
    public var targets: [TouchTarget]
    /// Every text on the screen, for checks (contrast, fit, glyphs).
    public var texts: [PlacedText]
    public var metrics: UIMetrics

    /// The intent of the target under `point`, or nil when the tap is outside every target.
    /// Targets never overlap, so at most one matches; the last wins if they did.
    public func intent(at point: Point) -> Intent? {
        targets.last { $0.rect.contains(point) }?.intent
    }
}
