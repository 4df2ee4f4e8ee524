import Graphics
import KioskCore

extension ScreenBuilder {
    /// Home: what still works (notices), check-in and progress, then this page's services as
    /// tiles, with previous/next buttons when the catalog takes more than one page.
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
        var bottom = contentBottom
        if home.pageCount > 1 {
            bottom = pager(page: home.page, count: home.pageCount, bottom: bottom)
        }
        tiles(home.tiles, in: Rect(x: columnLeft, y: y, width: columnWidth, height: bottom - y))
    }

    /// "Previous · page n of m · more" above `bottom`; returns the row's top less a gap. A button
    /// with nowhere to go is shown disabled, so the row never jumps.
    private func pager(page: Int, count: Int, bottom: Int) -> Int {
        let top = bottom - metrics.buttonHeight
        let cells = columns(Rect(x: columnLeft, y: top, width: columnWidth, height: metrics.buttonHeight), count: 3)
        button(text(.previousPage), cells[0], .previousPage, style: page > 0 ? .secondary : .disabled)
        label(text(.pageOf(page: page + 1, count: count)), in: cells[1], size: metrics.body, color: Theme.text,
              backdrop: background, alignment: .center, centredVertically: true)
        button(text(.nextPage), cells[2], .nextPage, style: page < count - 1 ? .primary : .disabled)
        return top - metrics.gap * 2
    }
}
