import Graphics
import KioskCore

extension ScreenBuilder {
    /// Home: what still works (notices), check-in and progress, then every service as a tile.
    func drawHome(_ home: HomeScreen) {
        let title = home.holderMaskedName.map { "\($0)，" + text(.chooseService) } ?? text(.chooseService)
        header(title: language == .english ? home.holderMaskedName.map { "\($0): " + text(.chooseService) } ?? title : title)
        footer([(.help, .help), (.finish, .finish)])
        var y = contentTop
        if !home.notices.isEmpty {
            y = noticePanel(home.notices.map(text), top: y, size: metrics.small) + metrics.gap * 2
        }
        let actions = columns(row(top: y, height: metrics.buttonHeight), count: 2)
        button(text(.checkIn), actions[0], .checkIn, style: .primary)
        button(text(.progressInquiry), actions[1], .progressInquiry, style: .primary)
        y = actions[0].maxY + metrics.gap * 3
        tiles(home.tiles, in: Rect(x: columnLeft, y: y, width: columnWidth, height: contentBottom - y))
    }
}
