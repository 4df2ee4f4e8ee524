public struct HomeScreen: Sendable, Equatable {
    public var tiles: [ServiceTile]
    /// e.g. the printer is out of paper: what still works.
    public var notices: [Message]
    /// The masked name when a card has been read ("张*").
    public var holderMaskedName: String?
    /// Which page of the catalog `tiles` is (from 0), and how many there are.
    public var page: Int
    public var pageCount: Int

    public init(tiles: [ServiceTile], notices: [Message], holderMaskedName: String?, page: Int = 0, pageCount: Int = 1) {
        self.tiles = tiles
        self.notices = notices
        self.holderMaskedName = holderMaskedName
        self.page = page
        self.pageCount = pageCount
    }

    /// Services per page: elderly mode's tiles hold body-size text two to a row, so fewer fit
    /// (2 x 5); the normal grid takes a county hall's whole catalog (3 x 9) on one page.
    public static func tilesPerPage(elderlyMode: Bool) -> Int { elderlyMode ? 10 : 27 }
}
