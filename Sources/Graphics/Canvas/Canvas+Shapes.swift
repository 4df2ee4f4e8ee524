extension Canvas {
    /// Fills a rectangle with corners rounded to `radius` (clamped to half the shorter side),
    /// anti-aliased through the cached corner mask of that radius.
    public func fillRoundedRect(_ rect: Rect, radius: Int, color: Color, shapes: ShapeCache) {
        let area = clip.intersection(rect)
        guard !area.isEmpty, color.alpha > 0 else { return }
        let radius = max(0, min(radius, min(rect.width, rect.height) / 2))
        guard let corner = shapes.corner(radius: radius) else {
            fill(rect, color: color)
            return
        }
        let pixel = color.xrgb8888, colorAlpha = UInt32(color.alpha)
        corner.left.withUnsafeBufferPointer { left in
            corner.right.withUnsafeBufferPointer { right in
                for y in area.minY..<area.maxY {
                    let row = buffer.row(y)
                    let top = y - rect.minY, bottom = rect.maxY - 1 - y
                    guard top < radius || bottom < radius else {
                        PixelSpan.paint(row + area.minX, count: area.width, pixel: pixel, alpha: colorAlpha)
                        continue
                    }
                    let maskRow = (top < radius ? top : bottom) * radius
                    blendSegment(row, from: rect.minX, count: radius, coverage: left.baseAddress! + maskRow, in: area, pixel: pixel, colorAlpha: colorAlpha)
                    paintSegment(row, from: rect.minX + radius, to: rect.maxX - radius, in: area, pixel: pixel, alpha: colorAlpha)
                    blendSegment(row, from: rect.maxX - radius, count: radius, coverage: right.baseAddress! + maskRow, in: area, pixel: pixel, colorAlpha: colorAlpha)
                }
            }
        }
    }

    /// Draws a soft shadow. Large shadows are assembled from cached corner pieces and an edge
    /// profile, so after the first one of a given radius and width a shadow costs a few spans
    /// per row; shadows too small for that use a cached whole mask.
    public func draw(_ shadow: BoxShadow, shapes: ShapeCache) {
        let outer = shadow.bounds
        let area = clip.intersection(outer)
        guard !area.isEmpty, shadow.color.alpha > 0 else { return }
        let shape = shadow.shape, blur = shadow.blur, radius = shadow.shapeRadius
        let pieces = shapes.shadowPieces(radius: radius, blur: blur)
        guard outer.width >= pieces.minimumSide, outer.height >= pieces.minimumSide else {
            let mask = shapes.smallShadow(width: shape.width, height: shape.height, radius: radius, blur: blur)
            blend(mask, at: Point(x: outer.minX, y: outer.minY), color: shadow.color)
            return
        }
        let side = pieces.cornerSide
        let pixel = shadow.color.xrgb8888, colorAlpha = UInt32(shadow.color.alpha)
        pieces.topLeft.withUnsafeBufferPointer { topLeft in
        pieces.topRight.withUnsafeBufferPointer { topRight in
        pieces.bottomLeft.withUnsafeBufferPointer { bottomLeft in
        pieces.bottomRight.withUnsafeBufferPointer { bottomRight in
        pieces.profile.withUnsafeBufferPointer { profile in
        pieces.reversedProfile.withUnsafeBufferPointer { reversedProfile in
            for y in area.minY..<area.maxY {
                let row = buffer.row(y)
                let top = y - outer.minY, bottom = outer.maxY - 1 - y
                let left: UnsafePointer<UInt8>, right: UnsafePointer<UInt8>, middle: UInt32
                if top < side {
                    left = topLeft.baseAddress! + top * side
                    right = topRight.baseAddress! + top * side
                    middle = UInt32(profile[top])
                } else if bottom < side {
                    left = bottomLeft.baseAddress! + (side - 1 - bottom) * side
                    right = bottomRight.baseAddress! + (side - 1 - bottom) * side
                    middle = UInt32(profile[bottom])
                } else {
                    left = profile.baseAddress!
                    right = reversedProfile.baseAddress!
                    middle = 255
                }
                blendSegment(row, from: outer.minX, count: side, coverage: left, in: area, pixel: pixel, colorAlpha: colorAlpha)
                let alpha = colorAlpha == 255 ? middle : (middle &* colorAlpha &+ 255) >> 8
                paintSegment(row, from: outer.minX + side, to: outer.maxX - side, in: area, pixel: pixel, alpha: alpha)
                blendSegment(row, from: outer.maxX - side, count: side, coverage: right, in: area, pixel: pixel, colorAlpha: colorAlpha)
            }
        }}}}}}
    }

    /// Blends the part of `[x, x + count)` inside `area` through `coverage` (which starts at x).
    @inline(__always)
    func blendSegment(
        _ row: UnsafeMutablePointer<UInt32>, from x: Int, count: Int, coverage: UnsafePointer<UInt8>,
        in area: Rect, pixel: UInt32, colorAlpha: UInt32
    ) {
        let start = max(x, area.minX), end = min(x + count, area.maxX)
        guard start < end else { return }
        PixelSpan.blend(row + start, coverage: coverage + (start - x), count: end - start, pixel: pixel, colorAlpha: colorAlpha)
    }

    /// Paints the part of `[start, end)` inside `area` at one alpha.
    @inline(__always)
    func paintSegment(_ row: UnsafeMutablePointer<UInt32>, from start: Int, to end: Int, in area: Rect, pixel: UInt32, alpha: UInt32) {
        let start = max(start, area.minX), end = min(end, area.maxX)
        guard start < end else { return }
        PixelSpan.paint(row + start, count: end - start, pixel: pixel, alpha: alpha)
    }
}
