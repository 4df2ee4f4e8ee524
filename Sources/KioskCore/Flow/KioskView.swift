/// Everything KioskUI needs to draw the current screen: the screen, the language, elderly mode,
/// the idle countdown when it is showing, and the hotline (shown on every screen's footer).
public struct KioskView: Sendable, Equatable {
    public var screen: Screen
    public var language: Language
    public var elderlyMode: Bool
    /// Seconds left before the session ends, shown with a "continue" button; nil when hidden.
    public var countdown: Int?
    public var hotline: String

    /// A text of this view in its language.
    public func text(_ message: Message) -> String { message.text(in: language) }
}
