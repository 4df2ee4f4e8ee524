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
/// once. In each band, parts of a command that a later opaque command covers (the background
/// under a button, a shadow's middle) are not drawn at all.
///
/// Not thread-safe: one screen task owns the renderer.
public final class ScreenRenderer {
    /// Masks for corners and shadows; keep the renderer alive to keep them.
    public let shapes: ShapeCache
    /// Rows per band. 48 rows of a 1080-pixel frame are 203 KB, well inside a 1 MB L2.
    public let bandHeight: Int
    /// What a pixel no command covers shows.
    public let clearColor: Color

    private var previous: DrawList?
    private var previousSize: (width: Int, height: Int)?

    // Per-frame working storage, kept so that a steady frame allocates nothing.
    private var bounds: [Rect] = []
    private var opaque: [(Rect, Rect)] = []
    private var solid: [Color?] = []
    private var active: [Int] = []
    private var pieces: [Rect] = []
    private var scratch: [Rect] = []

    public init(bandHeight: Int = 48, clearColor: Color = .black, shapes: ShapeCache = ShapeCache()) {
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
        prepare(list)
        for rect in damage.rects { drawRegion(list, rect, into: frame) }
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
        prepare(list)
        drawRegion(list, rect.intersection(frame.bounds), into: frame)
    }

    private func prepare(_ list: DrawList) {
        bounds.removeAll(keepingCapacity: true)
        opaque.removeAll(keepingCapacity: true)
        solid.removeAll(keepingCapacity: true)
        for command in list.commands {
            bounds.append(command.bounds)
            opaque.append(command.opaqueAreas)
            solid.append(command.solidColor)
        }
    }

    private func drawRegion(_ list: DrawList, _ region: Rect, into frame: PixelBuffer) {
        guard !region.isEmpty else { return }
        let canvas = Canvas(frame)
        var bandTop = region.minY
        while bandTop < region.maxY {
            let band = Rect(x: region.minX, y: bandTop, width: region.width, height: min(bandHeight, region.maxY - bandTop))
            drawBand(list, band, canvas: canvas)
            bandTop += bandHeight
        }
    }

    private func drawBand(_ list: DrawList, _ band: Rect, canvas: Canvas) {
        active.removeAll(keepingCapacity: true)
        for index in bounds.indices where bounds[index].intersects(band) { active.append(index) }
        // The clear comes first and is usually hidden entirely by an opaque background.
        drawCulled(band, occludersAfter: -1, in: band, canvas: canvas) { canvas in
            canvas.fill(band, color: clearColor)
        }
        for (position, index) in active.enumerated() {
            let command = list.commands[index]
            drawCulled(bounds[index].intersection(band), occludersAfter: position, in: band, canvas: canvas) { canvas in
                command.draw(in: canvas, backdrop: backdrop(of: canvas.clip, before: position), shapes: shapes)
            }
        }
    }

    /// The one colour every pixel of `area` has before `active[position]` draws, when known:
    /// the first earlier command touching `area` paints all of it in one flat colour (or none
    /// does, and it is the clear colour).
    private func backdrop(of area: Rect, before position: Int) -> Color? {
        var earlier = position - 1
        while earlier >= 0 {
            let index = active[earlier]
            if bounds[index].intersects(area) {
                guard let color = solid[index] else { return nil }
                let (first, second) = opaque[index]
                return first.contains(area) || second.contains(area) ? color : nil
            }
            earlier -= 1
        }
        return clearColor
    }

    /// Calls `draw` with a canvas clipped to each part of `area` that no command after
    /// `active[position]` paints opaquely; nothing when `area` is hidden entirely.
    @inline(__always)
    private func drawCulled(_ area: Rect, occludersAfter position: Int, in band: Rect, canvas: Canvas, draw: (Canvas) -> Void) {
        guard !area.isEmpty else { return }
        pieces.removeAll(keepingCapacity: true)
        pieces.append(area)
        for later in active[(position + 1)...] {
            let (first, second) = opaque[later]
            if first.intersects(area) { RectSubtraction.subtract(first, from: &pieces, scratch: &scratch) }
            if second.intersects(area) { RectSubtraction.subtract(second, from: &pieces, scratch: &scratch) }
            if pieces.isEmpty { return }
        }
        if pieces.count == 1 && pieces[0] == area {
            draw(canvas.clipped(to: area))
            return
        }
        // By index, so no access to `pieces` is held while `draw` runs (and nothing is copied).
        var next = 0
        while next < pieces.count {
            draw(canvas.clipped(to: pieces[next]))
            next += 1
        }
    }
}
