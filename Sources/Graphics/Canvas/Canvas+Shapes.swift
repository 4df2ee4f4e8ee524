extension Canvas {
    /// Fills a rectangle with corners rounded to `radius` (clamped to half the shorter side),
    /// anti-aliased through the cached corner mask of that radius.
    public func fillRoundedRect(_ rect: Rect, radius: Int, color: Color, shapes: ShapeCache) {
        fillRoundedRect(rect, radius: radius, color: color, backdrop: nil, shapes: shapes)
    }

    /// Draws a soft shadow. Large shadows are assembled from cached corner pieces and an edge
    /// profile, so after the first one of a given radius and width a shadow costs a few spans
    /// per row; shadows too small for that use a cached whole mask.
    public func draw(_ shadow: BoxShadow, shapes: ShapeCache) {
        draw(shadow, backdrop: nil, shapes: shapes)
    }

    /// `backdrop`: the one colour every pixel of the clip has before drawing, if known.
    func fillRoundedRect(_ rect: Rect, radius: Int, color: Color, backdrop: Color?, shapes: ShapeCache) {
        let area = clip.intersection(rect)
        guard !area.isEmpty, color.alpha > 0 else { return }
        let radius = max(0, min(radius, min(rect.width, rect.height) / 2))
        guard let corner = shapes.corner(radius: radius) else {
            fill(rect, color: color)
            return
        }
        let left = corner.left, right = corner.right
        withPainter(color, backdrop: backdrop, shapes: shapes) { painter in
            for y in area.minY..<area.maxY {
                let row = buffer.row(y)
                let top = y - rect.minY, bottom = rect.maxY - 1 - y
                guard top < radius || bottom < radius else {
                    painter.paint(row + area.minX, count: area.width, coverage: 255)
                    continue
                }
                let maskRow = (top < radius ? top : bottom) * radius
                painter.blendSegment(row, from: rect.minX, count: radius, coverage: left + maskRow, in: area)
                painter.paintSegment(row, from: rect.minX + radius, to: rect.maxX - radius, in: area, coverage: 255)
                painter.blendSegment(row, from: rect.maxX - radius, count: radius, coverage: right + maskRow, in: area)
            }
        }
        withExtendedLifetime(corner) {}
    }

    /// `backdrop`: the one colour every pixel of the clip has before drawing, if known.
    func draw(_ shadow: BoxShadow, backdrop: Color?, shapes: ShapeCache) {
        let outer = shadow.bounds
        let area = clip.intersection(outer)
        guard !area.isEmpty, shadow.color.alpha > 0 else { return }
        let shape = shadow.shape, blur = shadow.blur, radius = shadow.shapeRadius
        let pieces = shapes.shadowPieces(radius: radius, blur: blur)
        guard outer.width >= pieces.minimumSide, outer.height >= pieces.minimumSide else {
            let mask = shapes.smallShadow(width: shape.width, height: shape.height, radius: radius, blur: blur)
            withPainter(shadow.color, backdrop: backdrop, shapes: shapes) { painter in
                blend(mask, at: Point(x: outer.minX, y: outer.minY), painter: painter)
            }
            return
        }
        let side = pieces.cornerSide
        let topLeft = pieces.topLeft, topRight = pieces.topRight, bottomLeft = pieces.bottomLeft, bottomRight = pieces.bottomRight
        let profile = UnsafePointer(pieces.profile), reversedProfile = UnsafePointer(pieces.reversedProfile)
        let middleTop = outer.minY + side, middleBottom = outer.maxY - side
        withPainter(shadow.color, backdrop: backdrop, shapes: shapes) { painter in
            // Corner rows: a row of each corner piece and the edge profile's value between them.
            // Ranges are clamped so that a clip inside one zone gives the others no rows.
            for y in area.minY..<max(area.minY, min(area.maxY, middleTop)) {
                let top = y - outer.minY
                drawShadowRow(
                    y, outer: outer, side: side, left: topLeft + top * side, middle: UInt32(profile[top]),
                    right: topRight + top * side, area: area, painter: painter)
            }
            for y in min(area.maxY, max(area.minY, middleBottom))..<area.maxY {
                let bottom = outer.maxY - 1 - y
                drawShadowRow(
                    y, outer: outer, side: side, left: bottomLeft + (side - 1 - bottom) * side, middle: UInt32(profile[bottom]),
                    right: bottomRight + (side - 1 - bottom) * side, area: area, painter: painter)
            }
            // Between the corners every row is the same: clip the three segments once.
            let firstRow = max(area.minY, middleTop), endRow = min(area.maxY, middleBottom)
            guard firstRow < endRow else { return }
            let leftStart = max(outer.minX, area.minX), leftEnd = min(outer.minX + side, area.maxX)
            let middleStart = max(outer.minX + side, area.minX), middleEnd = min(outer.maxX - side, area.maxX)
            let rightStart = max(outer.maxX - side, area.minX), rightEnd = min(outer.maxX, area.maxX)
            for y in firstRow..<endRow {
                let row = buffer.row(y)
                if leftStart < leftEnd {
                    painter.blend(row + leftStart, coverage: profile + (leftStart - outer.minX), count: leftEnd - leftStart)
                }
                if middleStart < middleEnd { painter.paint(row + middleStart, count: middleEnd - middleStart, coverage: 255) }
                if rightStart < rightEnd {
                    painter.blend(row + rightStart, coverage: reversedProfile + (rightStart - (outer.maxX - side)), count: rightEnd - rightStart)
                }
            }
        }
        withExtendedLifetime(pieces) {}
    }

    /// One row of a shadow's corner zone: corner piece, edge value, corner piece.
    @inline(__always)
    private func drawShadowRow(
        _ y: Int, outer: Rect, side: Int, left: UnsafeMutablePointer<UInt8>, middle: UInt32, right: UnsafeMutablePointer<UInt8>,
        area: Rect, painter: CoveragePainter
    ) {
        let row = buffer.row(y)
        painter.blendSegment(row, from: outer.minX, count: side, coverage: left, in: area)
        painter.paintSegment(row, from: outer.minX + side, to: outer.maxX - side, in: area, coverage: middle)
        painter.blendSegment(row, from: outer.maxX - side, count: side, coverage: right, in: area)
    }
}
