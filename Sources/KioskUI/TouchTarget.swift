import Graphics
import KioskCore

/// A place on the screen and what a tap there means.
public struct TouchTarget: Sendable, Equatable {
    public var rect: Rect
    public var intent: Intent

    public init(_ rect: Rect, _ intent: Intent) {
        self.rect = rect
        self.intent = intent
    }
}
