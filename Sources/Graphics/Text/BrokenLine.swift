/// One line chosen by `LineBreaker`: the scalars it draws and how wide they are.
public struct BrokenLine: Equatable, Sendable {
    /// Indices into the scalars given to the breaker, without the spaces at either end (they
    /// are not drawn) and without the mandatory break that ended the line.
    public var range: Range<Int>
    /// The sum of the advances in `range`.
    public var width: Int

    public init(range: Range<Int>, width: Int) {
        self.range = range
        self.width = width
    }
}
