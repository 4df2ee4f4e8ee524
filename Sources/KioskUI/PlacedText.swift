import Graphics

/// A text as placed on a screen, kept beside the draw list so tests can check it: the box it had
/// to fit in and the flat colour under it (for contrast).
public struct PlacedText: Sendable, Equatable {
    public var layout: TextLayout
    public var origin: Point
    public var color: Color
    /// The box the text was given; its lines must stay inside.
    public var box: Rect
    /// The colour drawn under the text.
    public var backdrop: Color

    /// Where the text's lines sit on screen.
    public var frame: Rect { layout.size.offsetBy(dx: origin.x, dy: origin.y) }
}
