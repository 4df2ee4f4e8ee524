import Graphics
import KioskCore

extension ScreenBuilder {
    /// A light panel with dark text across the column: something does not work and what to do.
    /// Returns the y below it.
    @discardableResult
    func noticePanel(_ lines: [String], top: Int, size: Int? = nil) -> Int {
        let padding = metrics.gap * 2
        let innerWidth = columnWidth - 2 * padding
        let layout = fit(lines.joined(separator: "\n"), maxWidth: innerWidth, maxHeight: contentBottom - top - 2 * padding,
                         size: size ?? metrics.body)
        let rect = Rect(x: columnLeft, y: top, width: columnWidth, height: layout.size.height + 2 * padding)
        panel(rect, Theme.noticeFill)
        let origin = Point(x: columnLeft + padding, y: top + padding)
        place(layout, at: origin, color: Theme.noticeText, box: Rect(x: origin.x, y: origin.y, width: innerWidth, height: layout.size.height),
              backdrop: Theme.noticeFill)
        return rect.maxY
    }

    /// A dark-on-white field showing what was typed (a case number, a phone number, PIN dots).
    func field(caption: String, value: String, top: Int) -> Int {
        let captionBottom = paragraph(caption, top: top, size: metrics.small, color: Theme.secondaryText)
        let rect = row(top: captionBottom + metrics.gap, height: metrics.title * 8 / 5)
        panel(rect, Theme.fieldFill)
        label(value, in: rect.insetBy(dx: metrics.gap * 2, dy: metrics.gap), size: metrics.title, color: Theme.fieldText,
              backdrop: Theme.fieldFill, centredVertically: true)
        return rect.maxY
    }

    /// Digits 1-9, then delete, 0 and the submit key, filling `area`.
    func keypad(in area: Rect, submit: UIText) {
        let rowGap = metrics.gap * 2
        let keyHeight = min(metrics.buttonHeight, (area.height - 3 * rowGap) / 4)
        for rowIndex in 0..<4 {
            let cells = columns(Rect(x: area.x, y: area.y + rowIndex * (keyHeight + rowGap), width: area.width, height: keyHeight), count: 3)
            for (column, cell) in cells.enumerated() {
                if rowIndex < 3 {
                    let digit = rowIndex * 3 + column + 1
                    button("\(digit)", cell, .digit(digit), size: metrics.title)
                } else if column == 0 {
                    button(text(.delete), cell, .deleteDigit)
                } else if column == 1 {
                    button("0", cell, .digit(0), size: metrics.title)
                } else {
                    button(text(submit), cell, .submit, style: .primary)
                }
            }
        }
    }

    /// The keypad's height for this mode, or what is left of the content.
    func keypadHeight(from top: Int) -> Int {
        min(4 * metrics.buttonHeight + 3 * metrics.gap * 2, contentBottom - top)
    }

    /// Choice buttons (rating levels, reasons, topics), `perRow` across, from `top`; returns the
    /// y below them. The chosen one is primary and its label starts with a check mark, so the
    /// choice is not shown by colour alone.
    @discardableResult
    func choices(_ items: [(String, Intent)], chosen: Intent? = nil, perRow: Int, top: Int, buttonHeight: Int? = nil) -> Int {
        let height = buttonHeight ?? metrics.buttonHeight
        var y = top
        for start in stride(from: 0, to: items.count, by: perRow) {
            let slice = Array(items[start..<min(start + perRow, items.count)])
            let cells = columns(row(top: y, height: height), count: perRow)
            for (cell, item) in zip(cells, slice) {
                let isChosen = item.1 == chosen
                button(isChosen ? "✓ " + item.0 : item.0, cell, item.1, style: isChosen ? .primary : .secondary)
            }
            y += height + metrics.gap * 2
        }
        return y
    }
}
