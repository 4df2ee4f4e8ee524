/// One thing on a screen, with everything needed to draw it again: a screen is a `DrawList` of
/// these, kept between frames so the renderer can tell what changed. Commands are values
/// (text carries its finished `TextLayout`, images their pixels), so comparing two is cheap when
/// nothing changed: arrays that share storage compare equal without looking at their elements.
public enum DrawCommand: Sendable, Equatable {
    case fill(Rect, Color)
    case gradient(Rect, from: Color, to: Color, axis: GradientAxis)
    case roundedRect(Rect, radius: Int, color: Color)
    case shadow(BoxShadow)
    case text(TextLayout, origin: Point, color: Color)
    case image(RGBAImage, origin: Point, opacity: UInt8)
    case line(from: Point, to: Point, width: Double, color: Color)
    case qrCode(QRCodeMatrix, origin: Point, moduleSize: Int, dark: Color, light: Color)

    /// Every pixel the command can touch; damage tracking relies on nothing being drawn outside.
    public var bounds: Rect {
        switch self {
        case .fill(let rect, _), .gradient(let rect, _, _, _), .roundedRect(let rect, _, _):
            rect
        case .shadow(let shadow):
            shadow.bounds
        case .text(let layout, let origin, _):
            layout.inkBounds.offsetBy(dx: origin.x, dy: origin.y)
        case .image(let image, let origin, _):
            image.bounds.offsetBy(dx: origin.x, dy: origin.y)
        case .line(let start, let end, let width, _):
            Canvas.lineBounds(from: start, to: end, width: width)
        case .qrCode(let code, let origin, let moduleSize, _, _):
            Canvas.qrCodeBounds(code, at: origin, moduleSize: moduleSize, quietZone: 4)
        }
    }

    /// Up to two rectangles this command paints fully opaque whatever was under them, so that
    /// earlier commands need not draw there (the renderer's overdraw culling). `.zero` = none.
    var opaqueAreas: (Rect, Rect) {
        switch self {
        case .fill(let rect, let color):
            return color.alpha == 255 ? (rect, .zero) : (.zero, .zero)
        case .gradient(let rect, let start, let end, _):
            return start.alpha == 255 && end.alpha == 255 ? (rect, .zero) : (.zero, .zero)
        case .roundedRect(let rect, let radius, let color):
            guard color.alpha == 255 else { return (.zero, .zero) }
            // The cross between the corners: full-width rows below the top corners and above the
            // bottom ones, and full-height columns between the left and right corners.
            let radius = max(0, min(radius, min(rect.width, rect.height) / 2))
            return (rect.insetBy(dx: 0, dy: radius), rect.insetBy(dx: radius, dy: 0))
        case .qrCode(let code, let origin, let moduleSize, let dark, let light):
            guard dark.alpha == 255, light.alpha == 255 else { return (.zero, .zero) }
            return (Canvas.qrCodeBounds(code, at: origin, moduleSize: moduleSize, quietZone: 4), .zero)
        case .shadow, .text, .image, .line:
            return (.zero, .zero)
        }
    }

    /// The colour of `opaqueAreas` when the command paints them in one flat colour, so that a
    /// later command over them can blend through a table (`BlendTable`).
    var solidColor: Color? {
        switch self {
        case .fill(_, let color), .roundedRect(_, _, let color):
            color.alpha == 255 ? color : nil
        case .gradient, .shadow, .text, .image, .line, .qrCode:
            nil
        }
    }

    /// Draws the command, clipped to `canvas`'s clip.
    public func draw(in canvas: Canvas, shapes: ShapeCache) {
        draw(in: canvas, backdrop: nil, shapes: shapes)
    }

    /// Draws the command; `backdrop` is the one colour every pixel of the clip has now, if the
    /// caller knows it (blends then become table lookups; the pixels are the same).
    func draw(in canvas: Canvas, backdrop: Color?, shapes: ShapeCache) {
        switch self {
        case .fill(let rect, let color):
            canvas.fill(rect, color: color)
        case .gradient(let rect, let start, let end, let axis):
            canvas.fillGradient(rect, from: start, to: end, axis: axis)
        case .roundedRect(let rect, let radius, let color):
            canvas.fillRoundedRect(rect, radius: radius, color: color, backdrop: backdrop, shapes: shapes)
        case .shadow(let shadow):
            canvas.draw(shadow, backdrop: backdrop, shapes: shapes)
        case .text(let layout, let origin, let color):
            canvas.draw(layout, at: origin, color: color, backdrop: backdrop, shapes: shapes)
        case .image(let image, let origin, let opacity):
            canvas.draw(image, at: origin, opacity: opacity)
        case .line(let start, let end, let width, let color):
            canvas.drawLine(from: start, to: end, width: width, color: color)
        case .qrCode(let code, let origin, let moduleSize, let dark, let light):
            canvas.draw(code, at: origin, moduleSize: moduleSize, dark: dark, light: light)
        }
    }
}
