public struct HomeScreen: Sendable, Equatable {
    public var tiles: [ServiceTile]
    /// e.g. the printer is out of paper: what still works.
    public var notices: [Message]
    /// The masked name when a card has been read ("张*").
    public var holderMaskedName: String?

    public init(tiles: [ServiceTile], notices: [Message], holderMaskedName: String?) {
        self.tiles = tiles
        self.notices = notices
        self.holderMaskedName = holderMaskedName
    }
}
