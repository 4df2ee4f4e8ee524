/// A screen for checking a panel and its driver (`kioskctl screen test-pattern`): colour bars
/// show swapped channels (a wrong pixel format), the grey and colour ramps show banding and lost
/// bits (RGB565), the grid and its diagonals show scaling, rotation and cropping, and the
/// one-pixel white frame shows whether the edges are on the glass.
public enum TestPattern {
    /// The bars, left to right: white, yellow, cyan, green, magenta, red, blue, black.
    public static let bars: [Color] = [
        .white, Color(rgb: 0xFFFF00), Color(rgb: 0x00FFFF), Color(rgb: 0x00FF00),
        Color(rgb: 0xFF00FF), Color(rgb: 0xFF0000), Color(rgb: 0x0000FF), .black,
    ]
    /// Grid spacing in pixels.
    public static let gridSpacing = 60

    public static func drawList(width: Int, height: Int) -> DrawList {
        var list = DrawList()
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        list.append(.fill(screen, .black))
        // Top third: colour bars.
        let barsHeight = height / 3
        for (index, color) in bars.enumerated() {
            let x0 = index * width / bars.count, x1 = (index + 1) * width / bars.count
            list.append(.fill(Rect(x: x0, y: 0, width: x1 - x0, height: barsHeight), color))
        }
        // Middle sixth: four ramps, black to white, red, green and blue.
        let rampTop = barsHeight, rampHeight = height / 6 / 4
        for (index, color) in [Color.white, Color(rgb: 0xFF0000), Color(rgb: 0x00FF00), Color(rgb: 0x0000FF)].enumerated() {
            list.append(.gradient(Rect(x: 0, y: rampTop + index * rampHeight, width: width, height: rampHeight), from: .black, to: color, axis: .horizontal))
        }
        // The rest: a grid with diagonals, centred on the screen.
        let gridTop = rampTop + 4 * rampHeight
        let grid = Rect(x: 0, y: gridTop, width: width, height: height - gridTop)
        let grey = Color(rgb: 0x808080)
        var x = width / 2 % gridSpacing
        while x < width {
            list.append(.fill(Rect(x: x, y: grid.minY, width: 1, height: grid.height), grey))
            x += gridSpacing
        }
        var y = grid.minY + grid.height / 2 % gridSpacing
        while y < grid.maxY {
            list.append(.fill(Rect(x: 0, y: y, width: width, height: 1), grey))
            y += gridSpacing
        }
        list.append(.line(from: Point(x: 0, y: grid.minY), to: Point(x: width - 1, y: grid.maxY - 1), width: 2, color: .white))
        list.append(.line(from: Point(x: width - 1, y: grid.minY), to: Point(x: 0, y: grid.maxY - 1), width: 2, color: .white))
        // The one-pixel frame on the screen's edges.
        list.append(.fill(Rect(x: 0, y: 0, width: width, height: 1), .white))
        list.append(.fill(Rect(x: 0, y: height - 1, width: width, height: 1), .white))
        list.append(.fill(Rect(x: 0, y: 0, width: 1, height: height), .white))
        list.append(.fill(Rect(x: width - 1, y: 0, width: 1, height: height), .white))
        return list
    }
}
