extension Canvas {
    /// Draws laid-out text as `draw(_:at:color:)` does, over a known backdrop when there is one.
    /// Glyphs outside the clip are skipped on their rectangle alone, so a band of the screen
    /// costs little for a paragraph that only passes through it.
    func draw(_ text: TextLayout, at origin: Point, color: Color, backdrop: Color?, shapes: ShapeCache) {
        guard color.alpha > 0, !clip.isEmpty else { return }
        let clip = clip
        withPainter(color, backdrop: backdrop, shapes: shapes) { painter in
            text.glyphs.withUnsafeBufferPointer { glyphs in
                for index in glyphs.indices {
                    let x = origin.x + glyphs[index].origin.x, y = origin.y + glyphs[index].origin.y
                    let width = glyphs[index].mask.width, height = glyphs[index].mask.height
                    guard x < clip.maxX, y < clip.maxY, x + width > clip.minX, y + height > clip.minY else { continue }
                    blend(glyphs[index].mask, at: Point(x: x, y: y), painter: painter)
                }
            }
        }
    }
}
