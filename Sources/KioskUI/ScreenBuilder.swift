import Graphics
import KioskCore

/// Collects one screen's draw commands, texts and touch targets while the screen's drawing code
/// places widgets top to bottom. Used once per frame, on one thread, then turned into a
/// `ScreenLayout`.
final class ScreenBuilder {
    let width: Int
    let height: Int
    let metrics: UIMetrics
    let fonts: FontSet
    let view: KioskView
    private(set) var commands: [DrawCommand] = []
    private(set) var texts: [PlacedText] = []
    private(set) var targets: [TouchTarget] = []
    /// The colour under everything not drawn on a panel.
    var background: Color = Theme.background
    /// Where the screen's own content may go (between the chrome's top and bottom).
    var contentTop = 0
    var contentBottom: Int

    init(view: KioskView, width: Int, height: Int, metrics: UIMetrics, fonts: FontSet) {
        self.view = view
        self.width = width
        self.height = height
        self.metrics = metrics
        self.fonts = fonts
        contentBottom = height
    }

    var language: Language { view.language }
    func text(_ message: Message) -> String { message.text(in: language) }
    func text(_ label: UIText) -> String { label.text(in: language) }

    /// The content column: the screen less its side margins.
    var columnLeft: Int { metrics.margin }
    var columnWidth: Int { width - 2 * metrics.margin }

    func draw(_ command: DrawCommand) { commands.append(command) }

    func fill(_ rect: Rect, _ color: Color) { commands.append(.fill(rect, color)) }

    func panel(_ rect: Rect, _ color: Color) {
        commands.append(.roundedRect(rect, radius: metrics.gap * 2, color: color))
    }

    func addTarget(_ rect: Rect, _ intent: Intent) { targets.append(TouchTarget(rect, intent)) }

    func appendText(_ text: PlacedText) { texts.append(text) }

    /// Lays out `string` to fit `maxWidth` x `maxHeight`, starting at `size` and shrinking (never
    /// below `metrics.minimumText`) until nothing is cut. If even the smallest size does not fit,
    /// the result is truncated, which the tests report.
    func fit(_ string: String, maxWidth: Int, maxHeight: Int, size: Int, alignment: TextAlignment = .leading) -> TextLayout {
        layout(string, maxWidth: maxWidth, maxHeight: maxHeight, size: fittingSize(string, maxWidth: maxWidth, maxHeight: maxHeight, size: size),
               alignment: alignment)
    }

    /// The largest size from `size` down to `metrics.minimumText` at which `string` fits.
    func fittingSize(_ string: String, maxWidth: Int, maxHeight: Int, size: Int) -> Int {
        var pixelSize = size
        while true {
            let layout = layout(string, maxWidth: maxWidth, maxHeight: maxHeight, size: pixelSize, alignment: .leading)
            let fits = !layout.isTruncated && layout.size.height <= maxHeight
            if fits || pixelSize <= metrics.minimumText { return pixelSize }
            pixelSize = max(metrics.minimumText, pixelSize * 9 / 10)
        }
    }

    private func layout(_ string: String, maxWidth: Int, maxHeight: Int, size: Int, alignment: TextAlignment) -> TextLayout {
        let lineHeight = TextStyle(pixelSize: size, lineSpacing: metrics.lineSpacing).lineHeight
        let style = TextStyle(pixelSize: size, lineSpacing: metrics.lineSpacing, alignment: alignment, maxLines: max(1, maxHeight / lineHeight))
        return fonts.layout(string, width: maxWidth, style: style)
    }

    /// Draws `string` inside `box` (shrinking it to fit), centred vertically when asked.
    @discardableResult
    func label(_ string: String, in box: Rect, size: Int, color: Color, backdrop: Color,
               alignment: TextAlignment = .leading, centredVertically: Bool = false) -> Rect {
        let layout = fit(string, maxWidth: box.width, maxHeight: box.height, size: size, alignment: alignment)
        let top = centredVertically ? box.y + (box.height - layout.size.height) / 2 : box.y
        let origin = Point(x: box.x, y: top)
        commands.append(.text(layout, origin: origin, color: color))
        texts.append(PlacedText(layout: layout, origin: origin, color: color, box: box, backdrop: backdrop))
        return layout.size.offsetBy(dx: origin.x, dy: origin.y)
    }

    /// A paragraph in the content column at `top`, as tall as it needs (up to `contentBottom`);
    /// returns the y below it.
    @discardableResult
    func paragraph(_ string: String, top: Int, size: Int, color: Color = Theme.text,
                   alignment: TextAlignment = .leading, left: Int? = nil, width: Int? = nil) -> Int {
        let box = Rect(x: left ?? columnLeft, y: top, width: width ?? columnWidth, height: contentBottom - top)
        let frame = label(string, in: box, size: size, color: color, backdrop: background, alignment: alignment)
        return frame.maxY
    }

    /// A button: a rounded panel, its label centred (shrunk to fit), and its target (none when
    /// disabled).
    func button(_ string: String, _ rect: Rect, _ intent: Intent?, style: ButtonStyle = .secondary, size: Int? = nil) {
        panel(rect, style.fill)
        label(string, in: rect.insetBy(dx: metrics.gap, dy: metrics.gap / 2), size: size ?? metrics.body, color: style.textColor,
              backdrop: style.fill, alignment: .center, centredVertically: true)
        if let intent, style != .disabled { addTarget(rect, intent) }
    }

    /// `count` equal rectangles side by side across `row`, `gap` apart.
    func columns(_ row: Rect, count: Int) -> [Rect] {
        let gap = metrics.gap * 2
        let cell = (row.width - gap * (count - 1)) / count
        return (0..<count).map { Rect(x: row.x + $0 * (cell + gap), y: row.y, width: cell, height: row.height) }
    }

    /// A full-width row of the content column at `top`.
    func row(top: Int, height: Int) -> Rect { Rect(x: columnLeft, y: top, width: columnWidth, height: height) }

    /// Removes the texts and targets under `rect` (an overlay now covers them).
    func cover(_ rect: Rect) {
        targets.removeAll { $0.rect.intersects(rect) }
        texts.removeAll { $0.frame.intersects(rect) }
    }

    func finish() -> ScreenLayout {
        ScreenLayout(drawList: DrawList(commands), targets: targets, texts: texts, metrics: metrics)
    }
}
