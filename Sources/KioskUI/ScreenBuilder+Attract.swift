import Graphics
import KioskCore

extension ScreenBuilder {
    /// The attract screen: a tap anywhere starts; two buttons start straight in the other language
    /// or in elderly mode; the corners are the hidden maintenance gesture. Dimmed after a while
    /// without a touch, its text still 9:1.
    func drawAttract(isDimmed: Bool) {
        let textColor = isDimmed ? Theme.dimmedText : Theme.text
        let top = height / 6
        let titleBottom = paragraph(text(.hallName), top: top, size: metrics.hero, color: textColor, alignment: .center)
        paragraph(text(.touchToStart), top: titleBottom + metrics.margin * 2, size: metrics.title, color: textColor, alignment: .center)
        let buttonsTop = height - metrics.margin * 4 - metrics.buttonHeight
        let cells = columns(row(top: buttonsTop, height: metrics.buttonHeight), count: 2)
        let other: Language = language == .english ? .simplifiedChinese : .english
        button(text(.switchLanguage(to: other)), cells[0], .language(other))
        button(text(.startInElderlyMode), cells[1], .elderlyMode(true))
        addCornerTargets()
        fillRemainingTargets(with: .wake)
    }

    /// Squares in the four corners for the maintenance gesture (top-left, top-right,
    /// bottom-right, bottom-left), each above the minimum target size.
    func addCornerTargets() {
        let side = max(metrics.minimumTarget, metrics.scale.pixels(mm: 15))
        addTarget(Rect(x: 0, y: 0, width: side, height: side), .corner(.topLeft))
        addTarget(Rect(x: width - side, y: 0, width: side, height: side), .corner(.topRight))
        addTarget(Rect(x: width - side, y: height - side, width: side, height: side), .corner(.bottomRight))
        addTarget(Rect(x: 0, y: height - side, width: side, height: side), .corner(.bottomLeft))
    }

    /// Covers every part of the screen no target covers with targets for `intent`, in bands
    /// between the existing targets' top and bottom edges, so targets never overlap.
    func fillRemainingTargets(with intent: Intent) {
        let existing = targets.map(\.rect)
        let edges = Set([0, height] + existing.flatMap { [$0.minY, $0.maxY] }).sorted()
        for (y0, y1) in zip(edges, edges.dropFirst()) where y1 > y0 {
            let band = Rect(x: 0, y: y0, width: width, height: y1 - y0)
            let covered = existing.filter { $0.intersects(band) }.sorted { $0.minX < $1.minX }
            var x = 0
            for rect in covered {
                if rect.minX > x { addTarget(Rect(x: x, y: y0, width: rect.minX - x, height: y1 - y0), intent) }
                x = max(x, rect.maxX)
            }
            if x < width { addTarget(Rect(x: x, y: y0, width: width - x, height: y1 - y0), intent) }
        }
    }

    /// Out of service: where to go instead; only the maintenance corners answer.
    func drawOutOfService(_ message: Message) {
        let titleBottom = paragraph(text(.hallName), top: height / 6, size: metrics.title, alignment: .center)
        noticePanel([text(message)], top: titleBottom + metrics.margin * 2, size: metrics.title)
        addCornerTargets()
    }

    /// Waiting for the hall or the printer: the message in the middle, nothing to tap.
    func drawWorking(_ message: Message) {
        let layout = fit(text(message), maxWidth: columnWidth, maxHeight: height / 2, size: metrics.title, alignment: .center)
        let origin = Point(x: columnLeft, y: (height - layout.size.height) / 2)
        place(layout, at: origin, color: Theme.text, box: Rect(x: columnLeft, y: origin.y, width: columnWidth, height: layout.size.height),
              backdrop: background)
        let hotline = fit(text(.hotline(view.hotline)), maxWidth: columnWidth, maxHeight: metrics.small * 3, size: metrics.small, alignment: .center)
        let hotlineOrigin = Point(x: columnLeft, y: height - metrics.margin - hotline.size.height)
        place(hotline, at: hotlineOrigin, color: Theme.secondaryText,
              box: Rect(x: columnLeft, y: hotlineOrigin.y, width: columnWidth, height: hotline.size.height), backdrop: background)
    }
}
