/// Flat opaque rectangles of one band, back to front, written as spans: each row of the band
/// left to right, each pixel once, in the colour of the topmost rectangle over it. Filling the
/// same rectangles one after another would write the frame column strip by column strip and
/// overwrite pixels; the band's rows are then in order in memory, which is what writes best.
struct SolidLayers {
    private var rects: [Rect] = []
    private var colors: [UInt32] = []
    private var rowEdges: [Int] = []
    private var columnEdges: [Int] = []
    private var spans: [(start: Int, end: Int, pixel: UInt32)] = []

    mutating func removeAll() {
        rects.removeAll(keepingCapacity: true)
        colors.removeAll(keepingCapacity: true)
    }

    /// Adds a rectangle above those added before; an empty one is ignored.
    mutating func add(_ rect: Rect, color: Color) {
        guard !rect.isEmpty else { return }
        rects.append(rect)
        colors.append(color.xrgb8888)
    }

    /// Writes every pixel of `band` that some rectangle covers (rectangles are inside it).
    mutating func fill(_ band: Rect, canvas: Canvas) {
        // Horizontal strips between consecutive top and bottom edges: inside one, the same
        // rectangles cover every row, so its spans are worked out once.
        rowEdges.removeAll(keepingCapacity: true)
        for rect in rects {
            rowEdges.append(rect.minY)
            rowEdges.append(rect.maxY)
        }
        rowEdges.sort()
        var stripTop = rowEdges.first ?? band.maxY
        for edge in rowEdges where edge > stripTop {
            fillStrip(top: stripTop, bottom: edge, canvas: canvas)
            stripTop = edge
        }
    }

    private mutating func fillStrip(top: Int, bottom: Int, canvas: Canvas) {
        // Column edges of the rectangles over the strip, then for each interval between two
        // edges the topmost rectangle; neighbouring intervals of one colour are merged.
        columnEdges.removeAll(keepingCapacity: true)
        for rect in rects where rect.minY <= top && rect.maxY >= bottom {
            columnEdges.append(rect.minX)
            columnEdges.append(rect.maxX)
        }
        guard !columnEdges.isEmpty else { return }
        columnEdges.sort()
        spans.removeAll(keepingCapacity: true)
        var left = columnEdges[0]
        for right in columnEdges.dropFirst() where right > left {
            var topmost = rects.count - 1
            while topmost >= 0 {
                let rect = rects[topmost]
                if rect.minY <= top && rect.maxY >= bottom && rect.minX <= left && rect.maxX >= right { break }
                topmost -= 1
            }
            if topmost >= 0 {
                let pixel = colors[topmost]
                if let last = spans.last, last.end == left, last.pixel == pixel {
                    spans[spans.count - 1].end = right
                } else {
                    spans.append((left, right, pixel))
                }
            }
            left = right
        }
        let buffer = canvas.buffer
        spans.withUnsafeBufferPointer { spans in
            for y in top..<bottom {
                let row = buffer.row(y)
                for span in spans {
                    PixelSpan.fill(row + span.start, count: span.end - span.start, pixel: span.pixel)
                }
            }
        }
    }
}
