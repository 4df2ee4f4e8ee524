extension Canvas {
    /// Fills `rect` (clipped) with `color`: written straight when opaque, blended otherwise.
    public func fill(_ rect: Rect, color: Color) {
        let area = clip.intersection(rect)
        guard !area.isEmpty, color.alpha > 0 else { return }
        let pixel = color.xrgb8888
        let alpha = UInt32(color.alpha)
        for y in area.minY..<area.maxY {
            PixelSpan.paint(buffer.row(y) + area.minX, count: area.width, pixel: pixel, alpha: alpha)
        }
    }

    /// Fills `rect` with a gradient from `start` to `end`, left to right (`.horizontal`) or top to
    /// bottom (`.vertical`). Colours are interpolated per channel, alpha included.
    public func fillGradient(_ rect: Rect, from start: Color, to end: Color, axis: GradientAxis) {
        let area = clip.intersection(rect)
        guard !area.isEmpty else { return }
        let steps = max(1, (axis == .horizontal ? rect.width : rect.height) - 1)
        func color(at position: Int) -> Color {
            let t = position - (axis == .horizontal ? rect.minX : rect.minY)
            func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
                UInt8((Int(a) * (steps - t) + Int(b) * t + steps / 2) / steps)
            }
            return Color(red: mix(start.red, end.red), green: mix(start.green, end.green), blue: mix(start.blue, end.blue), alpha: mix(start.alpha, end.alpha))
        }
        switch axis {
        case .vertical:
            for y in area.minY..<area.maxY {
                let rowColor = color(at: y)
                PixelSpan.paint(buffer.row(y) + area.minX, count: area.width, pixel: rowColor.xrgb8888, alpha: UInt32(rowColor.alpha))
            }
        case .horizontal:
            for x in area.minX..<area.maxX {
                let columnColor = color(at: x)
                let pixel = columnColor.xrgb8888, alpha = UInt32(columnColor.alpha)
                for y in area.minY..<area.maxY {
                    PixelSpan.paint(buffer.row(y) + x, count: 1, pixel: pixel, alpha: alpha)
                }
            }
        }
    }
}

/// The direction a gradient runs in.
public enum GradientAxis: Sendable, Hashable {
    /// Left to right.
    case horizontal
    /// Top to bottom.
    case vertical
}
