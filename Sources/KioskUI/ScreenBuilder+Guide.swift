import Graphics
import KioskCore

extension ScreenBuilder {
    /// A service's guide: where to go, what to bring, the steps, time and fees; then "take a
    /// ticket" and "print the form", each disabled with the reason in words when it cannot work.
    func drawGuide(_ guide: GuideScreen) {
        header(title: guide.name)
        standardFooter()
        // Actions from the bottom up, so the guide's text gets what is left.
        var bottom = contentBottom
        var actions: [(String, Intent, Message?)] = []
        if guide.ticketCategoryName != nil {
            actions.append((text(guide.ticketUnavailableReason == nil ? .takeTicket : .ticketUnavailable), .takeTicket, guide.ticketUnavailableReason))
        }
        if guide.formTitle != nil {
            actions.append((text(guide.formUnavailableReason == nil ? .printForm : .formUnavailable), .printForm, guide.formUnavailableReason))
        }
        if !actions.isEmpty {
            let top = bottom - metrics.buttonHeight
            for (cell, action) in zip(columns(row(top: top, height: metrics.buttonHeight), count: actions.count), actions) {
                button(action.0, cell, action.1, style: action.2 == nil ? .primary : .disabled)
            }
            bottom = top - metrics.gap * 2
            let reasons = Array(Set(actions.compactMap(\.2).map(text))).sorted()
            if !reasons.isEmpty {
                let panelHeight = fit(reasons.joined(separator: "\n"), maxWidth: columnWidth - metrics.gap * 4,
                                      maxHeight: bottom, size: metrics.small).size.height + metrics.gap * 4
                noticePanel(reasons, top: bottom - panelHeight, size: metrics.small)
                bottom -= panelHeight + metrics.gap * 2
            }
        }
        var lines = [text(.goTo(guide.location))]
        if let category = guide.ticketCategoryName {
            lines.append(text(.ticketCategory(category)))
            lines.append(text(.ticketDay(guide.ticketDay)))
        }
        if let details = guide.guide {
            lines.append(text(.materials) + text(.colon))
            lines += details.materials.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            lines.append(text(.steps) + text(.colon))
            lines += details.steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            lines.append(text(.timeLimit) + text(.colon) + details.timeLimit)
            lines.append(text(.fees) + text(.colon) + details.fees)
        }
        let box = Rect(x: columnLeft, y: contentTop, width: columnWidth, height: bottom - contentTop)
        label(lines.joined(separator: "\n"), in: box, size: metrics.body, color: Theme.text, backdrop: background)
    }
}
