/// Turns coverage into pixels of one colour: by arithmetic blending in general, or by lookups in
/// a `BlendTable` when the caller knows everything under the drawing is one solid colour (the
/// renderer's "backdrop"). Both give the same pixels.
struct CoveragePainter {
    let pixel: UInt32
    let colorAlpha: UInt32
    /// Valid only inside `Canvas.withPainter`.
    let table: UnsafePointer<UInt32>?

    /// Blends through `count` coverage bytes.
    @inline(__always)
    func blend(_ row: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        if let table {
            PixelSpan.map(row, coverage: coverage, count: count, table: table)
        } else {
            PixelSpan.blend(row, coverage: coverage, count: count, pixel: pixel, colorAlpha: colorAlpha)
        }
    }

    /// Paints `count` pixels at one coverage.
    @inline(__always)
    func paint(_ row: UnsafeMutablePointer<UInt32>, count: Int, coverage: UInt32) {
        guard count > 0, coverage > 0 else { return }
        if let table {
            PixelSpan.fill(row, count: count, pixel: table[Int(coverage)])
        } else {
            PixelSpan.paint(row, count: count, pixel: pixel, alpha: PixelSpan.scaledAlpha(coverage, colorAlpha: colorAlpha))
        }
    }

    /// Blends the part of `[x, x + count)` inside `area` through `coverage` (which starts at x).
    @inline(__always)
    func blendSegment(_ row: UnsafeMutablePointer<UInt32>, from x: Int, count: Int, coverage: UnsafePointer<UInt8>, in area: Rect) {
        let start = max(x, area.minX), end = min(x + count, area.maxX)
        guard start < end else { return }
        blend(row + start, coverage: coverage + (start - x), count: end - start)
    }

    /// Paints the part of `[start, end)` inside `area` at one coverage.
    @inline(__always)
    func paintSegment(_ row: UnsafeMutablePointer<UInt32>, from start: Int, to end: Int, in area: Rect, coverage: UInt32) {
        let start = max(start, area.minX), end = min(end, area.maxX)
        guard start < end else { return }
        paint(row + start, count: end - start, coverage: coverage)
    }
}

extension Canvas {
    /// Runs `body` with a painter for `color`, using a cached blend table when `backdrop` (the
    /// one colour every pixel in the clip has now) is known.
    @inline(__always)
    func withPainter<Result>(_ color: Color, backdrop: Color?, shapes: ShapeCache, _ body: (CoveragePainter) -> Result) -> Result {
        let pixel = color.xrgb8888, colorAlpha = UInt32(color.alpha)
        guard let backdrop else {
            return body(CoveragePainter(pixel: pixel, colorAlpha: colorAlpha, table: nil))
        }
        let table = shapes.blendTable(color, over: backdrop.xrgb8888)
        return table.entries.withUnsafeBufferPointer { entries in
            body(CoveragePainter(pixel: pixel, colorAlpha: colorAlpha, table: entries.baseAddress!))
        }
    }

    /// `blend(_:at:color:)` through a painter.
    func blend(_ mask: AlphaMask, at origin: Point, painter: CoveragePainter) {
        let area = clip.intersection(Rect(x: origin.x, y: origin.y, width: mask.width, height: mask.height))
        guard !area.isEmpty, painter.colorAlpha > 0 else { return }
        mask.coverage.withUnsafeBufferPointer { coverage in
            for y in area.minY..<area.maxY {
                let maskRow = coverage.baseAddress! + (y - origin.y) * mask.width + (area.minX - origin.x)
                painter.blend(buffer.row(y) + area.minX, coverage: maskRow, count: area.width)
            }
        }
    }
}
