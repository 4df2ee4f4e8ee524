/// Draws `DrawList`s into a frame, redrawing only what changed since the last list.
///
/// Usage, once per change on screen:
///
///     let damage = renderer.render(list, into: shadowFrame)   // [Rect], empty if nothing changed
///     for rect in damage { display.copy(rect, from: shadowFrame) }
///
/// `frame` must be the buffer the renderer drew the previous list into (a shadow buffer in RAM,
/// or a mapped framebuffer nothing else writes to): pixels outside the damage are left as they
/// were. A damaged rectangle is redrawn from scratch: cleared to `clearColor`, then every command
/// that touches it is replayed, clipped to it, so the result is the same pixel for pixel as a
/// full repaint.
///
/// Regions are drawn in horizontal bands of `bandHeight` rows, top to bottom: every command that
/// touches a band draws into it while it is in the L2 cache, so frame memory is written about
/// once. In each band the flat opaque areas (background, buttons' middles) are written first,
/// row by row in the topmost colour (`SolidLayers`); parts of a command that a later opaque
/// command covers (the background under a button, a shadow's middle) are not drawn at all; and
/// coverage over a known flat colour (text on a button, a shadow on the background) is blended
/// through a 256-entry table (`BlendTable`).
///
/// Not thread-safe: one screen task owns the renderer.
public final class ScreenRenderer {
    /// Masks for corners and shadows; keep the renderer alive to keep them.
    public let shapes: ShapeCache
    /// Rows per band. 64 rows of a 1080-pixel frame are 276 KB: inside a 512 KB L2 with room for
    /// glyphs and masks. On the reference VM (1 MB L2) 64 to 128 rows measured alike, 16 to 32
    /// slower (more per-band work).
    public let bandHeight: Int
    /// What a pixel no command covers shows.
    public let clearColor: Color

    private var previous: DrawList?
    private var previousSize: (width: Int, height: Int)?

    /// Kept between frames; moved out while drawing (see `BandPlan`).
    private var plan = BandPlan()

    public init(bandHeight: Int = 64, clearColor: Color = .black, shapes: ShapeCache = ShapeCache()) {
        precondition(bandHeight > 0, "band height must be positive")
        self.bandHeight = bandHeight
        self.clearColor = clearColor
        self.shapes = shapes
    }

    /// Draws `list` into `frame` and returns the rectangles that changed (already merged, inside
    /// the frame). The first list, a frame of another size, or a call after `invalidate()` is a
    /// full repaint and returns the whole frame; an identical list returns nothing.
    @discardableResult
    public func render(_ list: DrawList, into frame: PixelBuffer) -> [Rect] {
        defer {
            previous = list
            previousSize = (frame.width, frame.height)
        }
        guard let previous, let previousSize, previousSize == (frame.width, frame.height) else {
            repaint(list, in: frame.bounds, into: frame)
            return [frame.bounds]
        }
        let changed = list.changedBounds(from: previous)
        guard !changed.isEmpty else { return [] }
        var damage = DamageRegion(bounds: frame.bounds)
        for rect in changed { damage.add(rect) }
        withPlan(for: list) { plan in
            for rect in damage.rects { plan.draw(rect, canvas: Canvas(frame), bandHeight: bandHeight, clearColor: clearColor, shapes: shapes) }
        }
        return damage.rects
    }

    /// Forgets the previous list: the next `render` repaints everything (after the screen was
    /// blanked, or another program drew on the framebuffer).
    public func invalidate() {
        previous = nil
    }

    /// Redraws `rect` of `frame` from `list`, whatever changed. Does not change what `render`
    /// compares the next list with.
    public func repaint(_ list: DrawList, in rect: Rect, into frame: PixelBuffer) {
        withPlan(for: list) { plan in
            plan.draw(rect.intersection(frame.bounds), canvas: Canvas(frame), bandHeight: bandHeight, clearColor: clearColor, shapes: shapes)
        }
    }

    private func withPlan(for list: DrawList, _ body: (inout BandPlan) -> Void) {
        var local = BandPlan()
        swap(&local, &plan)
        defer { swap(&local, &plan) }
        local.prepare(list)
        body(&local)
    }
}
