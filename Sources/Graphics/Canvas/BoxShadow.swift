/// A soft shadow under a rounded box, as LVGL draws one: the box moved by `offset`, grown by
/// `spread`, then blurred so it fades over `width` pixels centred on its edge (`width` / 2
/// outside, `width` / 2 inside).
public struct BoxShadow: Sendable, Hashable {
    /// The box casting the shadow.
    public var box: Rect
    public var radius: Int
    /// LVGL's `shadow_width`: how many pixels the fade takes. 0 is a hard-edged shadow.
    public var width: Int
    public var offset: Point
    public var spread: Int
    public var color: Color

    public init(box: Rect, radius: Int, width: Int, offset: Point = Point(x: 0, y: 0), spread: Int = 0, color: Color = .black) {
        self.box = box
        self.radius = radius
        self.width = max(0, width)
        self.offset = offset
        self.spread = spread
        self.color = color
    }

    var blur: Int { width / 2 }

    /// The solid shape before blurring.
    var shape: Rect { box.offsetBy(dx: offset.x, dy: offset.y).insetBy(dx: -spread, dy: -spread) }

    var shapeRadius: Int { max(0, min(radius + spread, min(shape.width, shape.height) / 2)) }

    /// Every pixel the shadow can touch.
    public var bounds: Rect {
        let shape = shape
        return shape.isEmpty ? .zero : shape.insetBy(dx: -blur, dy: -blur)
    }
}
