extension Canvas {
    /// Draws an anti-aliased line `width` pixels wide with round ends between the centres of
    /// the pixels `start` and `end`. A 1-pixel horizontal or vertical line covers exactly the
    /// pixels from `start` to `end`.
    public func drawLine(from start: Point, to end: Point, width: Double, color: Color) {
        let bounds = Self.lineBounds(from: start, to: end, width: width)
        let area = clip.intersection(bounds)
        guard !area.isEmpty, color.alpha > 0, width > 0 else { return }
        let pixel = color.xrgb8888, colorAlpha = Double(color.alpha)
        let ax = Double(start.x) + 0.5, ay = Double(start.y) + 0.5
        let dx = Double(end.x - start.x), dy = Double(end.y - start.y)
        let lengthSquared = dx * dx + dy * dy
        let halfWidth = width / 2
        let reach = halfWidth + 0.5
        let length = lengthSquared.squareRoot()
        for y in area.minY..<area.maxY {
            let row = buffer.row(y)
            let py = Double(y) + 0.5 - ay
            // Only pixels within `reach` of the infinite line can be covered: on this row they
            // lie within reach * length / |dy| of where the line crosses it.
            var x0 = area.minX, x1 = area.maxX
            if dy != 0 {
                let crossing = ax + py * dx / dy - 0.5
                let span = reach * length / abs(dy) + 1
                x0 = max(x0, Int((crossing - span).rounded(.down)))
                x1 = min(x1, Int((crossing + span).rounded(.up)) + 1)
            }
            guard x0 < x1 else { continue }
            for x in x0..<x1 {
                let px = Double(x) + 0.5 - ax
                // Distance from the pixel's centre to the segment (its nearest point, clamped).
                let t = lengthSquared == 0 ? 0 : min(1, max(0, (px * dx + py * dy) / lengthSquared))
                let ex = px - t * dx, ey = py - t * dy
                let distance = (ex * ex + ey * ey).squareRoot()
                let coverage = min(1, max(0, halfWidth + 0.5 - distance))
                guard coverage > 0 else { continue }
                let alpha = UInt32((coverage * colorAlpha).rounded())
                PixelSpan.paint(row + x, count: 1, pixel: pixel, alpha: alpha)
            }
        }
    }

    /// Every pixel a line can touch.
    static func lineBounds(from start: Point, to end: Point, width: Double) -> Rect {
        let reach = Int((width / 2).rounded(.up)) + 1
        let x0 = min(start.x, end.x) - reach, y0 = min(start.y, end.y) - reach
        return Rect(x: x0, y: y0, width: abs(end.x - start.x) + 2 * reach + 1, height: abs(end.y - start.y) + 2 * reach + 1)
    }
}
