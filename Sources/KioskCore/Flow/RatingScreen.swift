public enum RatingScreen: Sendable, Equatable {
    case chooseLevel
    /// Levels 1 and 2 ask why.
    case chooseReason(level: Int)
}
