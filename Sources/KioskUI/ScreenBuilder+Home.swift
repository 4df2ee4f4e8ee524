import Graphics
import KioskCore

extension ScreenBuilder {
    /// Home: what still works (notices), check-in and progress, then every service as a tile.
    func drawHome(_ home: HomeScreen) {
        let title = home.holderMaskedName.map { "\($0)，" + text(.chooseService) } ?? text(.chooseService)
        // A long catalog needs the room for its tiles (the Flow has no pages): the title then at body size.
        header(title: language == .english ? home.holderMaskedName.map { "\($0): " + text(.chooseService) } ?? title : title,
               titleSize: home.tiles.count > 12 ? metrics.body : nil)
        // Check-in and progress share the footer row, so the tiles get the rest of the screen.
        footer([(.checkIn, .checkIn), (.progressInquiry, .progressInquiry), (.help, .help), (.finish, .finish)])
        var y = contentTop
        if !home.notices.isEmpty {
            y = noticePanel(home.notices.map(text), top: y, size: metrics.small) + metrics.gap * 2
        }
        tiles(home.tiles, in: Rect(x: columnLeft, y: y, width: columnWidth, height: contentBottom - y))
    }
}
