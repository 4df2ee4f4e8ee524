extension Canvas {
    /// Draws `code` with its top left (quiet zone included) at `origin`: `moduleSize` pixels a
    /// module, `quietZone` light modules around it (4 is what the QR standard asks for).
    public func draw(_ code: QRCodeMatrix, at origin: Point, moduleSize: Int, quietZone: Int = 4, dark: Color = .black, light: Color = .white) {
        let bounds = Self.qrCodeBounds(code, at: origin, moduleSize: moduleSize, quietZone: quietZone)
        guard clip.intersects(bounds) else { return }
        fill(bounds, color: light)
        let left = origin.x + quietZone * moduleSize, top = origin.y + quietZone * moduleSize
        for y in 0..<code.size {
            let rowTop = top + y * moduleSize
            guard rowTop < clip.maxY, rowTop + moduleSize > clip.minY else { continue }
            // One rectangle per run of dark modules.
            var x = 0
            while x < code.size {
                guard code[x, y] else {
                    x += 1
                    continue
                }
                let runStart = x
                while x < code.size && code[x, y] { x += 1 }
                fill(Rect(x: left + runStart * moduleSize, y: rowTop, width: (x - runStart) * moduleSize, height: moduleSize), color: dark)
            }
        }
    }

    static func qrCodeBounds(_ code: QRCodeMatrix, at origin: Point, moduleSize: Int, quietZone: Int) -> Rect {
        let side = (code.size + 2 * quietZone) * moduleSize
        return Rect(x: origin.x, y: origin.y, width: side, height: side)
    }
}
