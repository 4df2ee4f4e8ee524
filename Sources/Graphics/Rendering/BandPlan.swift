/// What the renderer works from while it draws a list: each command's bounds, opaque areas and
/// flat colour computed once per list, and the buffers of the band loop, kept between frames so
/// a steady frame allocates nothing. A struct used as a local variable while drawing, so the
/// hot loop pays no dynamic exclusivity checks on class properties.
struct BandPlan {
    private(set) var commands: [DrawCommand] = []
    private var bounds: [Rect] = []
    private var opaque: [(Rect, Rect)] = []
    private var solid: [Color?] = []
    private var active: [Int] = []
    private var pieces: [Rect] = []
    private var scratch: [Rect] = []
    private var solidLayers = SolidLayers()

    /// Computes each command's bounds and opaque areas, unless `list` is the list already
    /// prepared (arrays sharing storage compare equal at once).
    mutating func prepare(_ list: DrawList) {
        guard commands != list.commands || bounds.count != list.commands.count else { return }
        commands = list.commands
        bounds.removeAll(keepingCapacity: true)
        opaque.removeAll(keepingCapacity: true)
        solid.removeAll(keepingCapacity: true)
        for command in commands {
            bounds.append(command.bounds)
            opaque.append(command.opaqueAreas)
            solid.append(command.solidColor)
        }
    }

    /// Draws `region` (inside the canvas) in bands of `bandHeight` full-width rows' worth of
    /// pixels, top to bottom: a region narrower than the frame gets taller bands of the same
    /// size, so a small repaint is one or two bands rather than many thin ones.
    mutating func draw(_ region: Rect, canvas: Canvas, bandHeight: Int, clearColor: Color, shapes: ShapeCache) {
        guard !region.isEmpty else { return }
        let bandHeight = max(bandHeight, bandHeight * canvas.buffer.width / region.width)
        var bandTop = region.minY
        while bandTop < region.maxY {
            let band = Rect(x: region.minX, y: bandTop, width: region.width, height: min(bandHeight, region.maxY - bandTop))
            drawBand(band, canvas: canvas, clearColor: clearColor, shapes: shapes)
            bandTop += bandHeight
        }
    }

    private mutating func drawBand(_ band: Rect, canvas: Canvas, clearColor: Color, shapes: ShapeCache) {
        active.removeAll(keepingCapacity: true)
        for index in bounds.indices where bounds[index].intersects(band) { active.append(index) }
        // First every flat opaque area (the clear, the background, buttons' middles), row by
        // row from left to right with the topmost colour of each span: frame memory written in
        // order, once. Then the rest of each command, in order, minus those areas.
        solidLayers.removeAll()
        solidLayers.add(band, color: clearColor)
        for index in active {
            guard let color = solid[index] else { continue }
            solidLayers.add(opaque[index].0.intersection(band), color: color)
            solidLayers.add(opaque[index].1.intersection(band), color: color)
        }
        solidLayers.fill(band, canvas: canvas)
        for position in active.indices {
            let index = active[position]
            // A flat command's own opaque areas were drawn above.
            let hiddenAfter = solid[index] == nil ? position : position - 1
            guard cullPieces(of: bounds[index].intersection(band), hiddenAfter: hiddenAfter) else { continue }
            for piece in pieces {
                let clipped = canvas.clipped(to: piece)
                commands[index].draw(in: clipped, backdrop: backdrop(of: piece, before: position, clearColor: clearColor), shapes: shapes)
            }
        }
    }

    /// Leaves in `pieces` the parts of `area` that no command after `active[position]` paints
    /// opaquely; false when nothing is left.
    private mutating func cullPieces(of area: Rect, hiddenAfter position: Int) -> Bool {
        pieces.removeAll(keepingCapacity: true)
        guard !area.isEmpty else { return false }
        pieces.append(area)
        var later = position + 1
        while later < active.count {
            let (first, second) = opaque[active[later]]
            if first.intersects(area) { RectSubtraction.subtract(first, from: &pieces, scratch: &scratch) }
            if second.intersects(area) { RectSubtraction.subtract(second, from: &pieces, scratch: &scratch) }
            if pieces.isEmpty { return false }
            later += 1
        }
        return true
    }

    /// The one colour every pixel of `area` has before `active[position]` draws, when known:
    /// the first earlier command touching `area` paints all of it in one flat colour (or none
    /// does, and it is the clear colour).
    private func backdrop(of area: Rect, before position: Int, clearColor: Color) -> Color? {
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
}
