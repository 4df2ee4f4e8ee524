public enum ScreenCorner: Sendable, Equatable {
    case topLeft, topRight, bottomRight, bottomLeft
}
