import Graphics
import KioskCore

extension ScreenBuilder {
    /// The strip at the top of every citizen screen: the hotline (a person to call at night), the
    /// other language and elderly mode, which work from any screen. Then the screen's title.
    func header(title: String, settings: Bool = true, titleSize: Int? = nil) {
        guard settings else {
            contentTop = paragraph(title, top: metrics.margin, size: titleSize ?? metrics.title) + metrics.gap * 2
            return
        }
        let strip = Rect(x: columnLeft, y: metrics.gap * 2, width: columnWidth, height: metrics.stripHeight)
        let hotlineWidth = strip.width * 2 / 5
        let gap = metrics.gap * 2
        label(text(.hotline(view.hotline)), in: Rect(x: strip.x, y: strip.y, width: hotlineWidth - gap, height: strip.height),
              size: metrics.small, color: Theme.secondaryText, backdrop: background, centredVertically: true)
        let buttons = columns(Rect(x: strip.x + hotlineWidth, y: strip.y, width: strip.width - hotlineWidth, height: strip.height), count: 2)
        let other: Language = language == .english ? .simplifiedChinese : .english
        button(text(.switchLanguage(to: other)), buttons[0], .language(other), size: metrics.small)
        button(text(.elderlyMode(on: view.elderlyMode)), buttons[1], .elderlyMode(!view.elderlyMode), size: metrics.small)
        contentTop = strip.maxY + gap
        contentTop = paragraph(title, top: contentTop, size: titleSize ?? metrics.title) + gap
    }

    /// A row of equal buttons at the bottom of the screen; the content ends above it.
    func footer(_ items: [(UIText, Intent)]) {
        let top = height - metrics.margin - metrics.buttonHeight
        contentBottom = top - metrics.gap * 2
        guard !items.isEmpty else { return }
        let cells = columns(Rect(x: columnLeft, y: top, width: columnWidth, height: metrics.buttonHeight), count: items.count)
        for (cell, item) in zip(cells, items) {
            button(text(item.0), cell, item.1, style: item.1 == .help ? .primary : .secondary)
        }
    }

    /// The usual footer: back, home, help, done.
    func standardFooter(help: Bool = true) {
        var items: [(UIText, Intent)] = [(.back, .back), (.home, .home)]
        if help { items.append((.help, .help)) }
        items.append((.finish, .finish))
        footer(items)
    }

    /// The idle warning over the bottom of the content: the seconds left and one big "continue"
    /// (WCAG 2.2.1: one simple action extends the time). What it covers cannot be tapped.
    func countdownBanner(seconds: Int) {
        let padding = metrics.gap * 2
        let message = fit(text(.idleWarning(seconds: seconds)), maxWidth: columnWidth - 2 * padding,
                          maxHeight: metrics.title * 3, size: metrics.title)
        let bannerHeight = padding + message.size.height + padding + metrics.buttonHeight + padding
        let banner = Rect(x: 0, y: contentBottom - bannerHeight, width: width, height: bannerHeight)
        cover(banner)
        fill(banner, Theme.bannerFill)
        place(message, at: Point(x: columnLeft + padding, y: banner.y + padding), color: Theme.bannerText,
              box: Rect(x: columnLeft + padding, y: banner.y + padding, width: columnWidth - 2 * padding, height: message.size.height),
              backdrop: Theme.bannerFill)
        let continueButton = Rect(x: columnLeft + padding, y: banner.maxY - padding - metrics.buttonHeight,
                                  width: columnWidth - 2 * padding, height: metrics.buttonHeight)
        button(text(.continueSession), continueButton, .continueSession, style: .dark, size: metrics.title)
    }

    /// Adds an already laid-out text.
    func place(_ layout: TextLayout, at origin: Point, color: Color, box: Rect, backdrop: Color) {
        draw(.text(layout, origin: origin, color: color))
        appendText(PlacedText(layout: layout, origin: origin, color: color, box: box, backdrop: backdrop))
    }
}
