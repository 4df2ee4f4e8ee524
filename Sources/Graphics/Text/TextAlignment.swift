/// Where each line sits horizontally in the text's box.
public enum TextAlignment: Sendable, Equatable {
    /// Left, for Chinese and English.
    case leading
    /// Centred; an odd pixel left over goes to the right.
    case center
    /// Right.
    case trailing
}
