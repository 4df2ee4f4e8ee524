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
        let profile = pieces.profile, reversedProfile = pieces.reversedProfile
        withPainter(shadow.color, backdrop: backdrop, shapes: shapes) { painter in
            for y in area.minY..<area.maxY {
                let row = buffer.row(y)
                let top = y - outer.minY, bottom = outer.maxY - 1 - y
                let left: UnsafePointer<UInt8>, right: UnsafePointer<UInt8>, middle: UInt32
                if top < side {
                    left = UnsafePointer(topLeft + top * side)
                    right = UnsafePointer(topRight + top * side)
                    middle = UInt32(profile[top])
                } else if bottom < side {
                    left = UnsafePointer(bottomLeft + (side - 1 - bottom) * side)
                    right = UnsafePointer(bottomRight + (side - 1 - bottom) * side)
                    middle = UInt32(profile[bottom])
                } else {
                    left = UnsafePointer(profile)
                    right = UnsafePointer(reversedProfile)
                    middle = 255
                }
                painter.blendSegment(row, from: outer.minX, count: side, coverage: left, in: area)
                painter.paintSegment(row, from: outer.minX + side, to: outer.maxX - side, in: area, coverage: middle)
                painter.blendSegment(row, from: outer.maxX - side, count: side, coverage: right, in: area)
            }
        }
        withExtendedLifetime(pieces) {}
    }
}
