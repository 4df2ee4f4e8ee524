import Testing
@testable import Graphics

@Suite struct LineTests {
    /// A 1 px horizontal line covers exactly the pixels from its start to its end, fully.
    @Test func horizontalLineIsCrisp() {
        let buffer = PixelBuffer(width: 20, height: 5, color: .black)
        Canvas(buffer).drawLine(from: Point(x: 3, y: 2), to: Point(x: 12, y: 2), width: 1, color: .white)
        for x in 0..<20 {
            #expect(buffer[x, 2] == ((3...12).contains(x) ? 0xFFFF_FFFF : 0xFF00_0000), "x = \(x)")
            #expect(buffer[x, 1] == 0xFF00_0000)
            #expect(buffer[x, 3] == 0xFF00_0000)
        }
    }

    /// A 3 px vertical line is three columns wide.
    @Test func lineWidthIsHonoured() {
        let buffer = PixelBuffer(width: 9, height: 9, color: .black)
        Canvas(buffer).drawLine(from: Point(x: 4, y: 1), to: Point(x: 4, y: 7), width: 3, color: .white)
        #expect(buffer[3, 4] == 0xFFFF_FFFF)
        #expect(buffer[4, 4] == 0xFFFF_FFFF)
        #expect(buffer[5, 4] == 0xFFFF_FFFF)
        #expect(buffer[2, 4] == 0xFF00_0000)
        #expect(buffer[6, 4] == 0xFF00_0000)
    }

    /// A diagonal line is solid on its axis and anti-aliased beside it.
    @Test func diagonalLineIsAntiAliased() {
        let buffer = PixelBuffer(width: 20, height: 20, color: .black)
        Canvas(buffer).drawLine(from: Point(x: 2, y: 2), to: Point(x: 17, y: 13), width: 2, color: .white)
        #expect(buffer[2, 2] == 0xFFFF_FFFF)
        // Pixels near the line but not on its axis are partly covered somewhere along it.
        let partial = (0..<20).flatMap { y in (0..<20).map { x in buffer.color(x: x, y: y).red } }.filter { $0 > 0 && $0 < 255 }
        #expect(!partial.isEmpty)
        #expect(buffer[17, 2] == 0xFF00_0000)
    }

    /// Skipping pixels far from the line changes nothing: every pixel matches the distance rule
    /// computed for the whole bounding box.
    @Test func steepAndShallowLinesMatchTheDistanceRule() {
        for (start, end) in [(Point(x: 3, y: 2), Point(x: 40, y: 29)), (Point(x: 38, y: 1), Point(x: 5, y: 30)), (Point(x: 2, y: 15), Point(x: 41, y: 17))] {
            let buffer = PixelBuffer(width: 44, height: 32, color: .black)
            Canvas(buffer).drawLine(from: start, to: end, width: 3, color: .white)
            let ax = Double(start.x) + 0.5, ay = Double(start.y) + 0.5
            let dx = Double(end.x - start.x), dy = Double(end.y - start.y)
            for y in 0..<32 {
                for x in 0..<44 {
                    let px = Double(x) + 0.5 - ax, py = Double(y) + 0.5 - ay
                    let t = min(1, max(0, (px * dx + py * dy) / (dx * dx + dy * dy)))
                    let distance = ((px - t * dx) * (px - t * dx) + (py - t * dy) * (py - t * dy)).squareRoot()
                    let expected = UInt8((min(1, max(0, 2 - distance)) * 255).rounded())
                    #expect(buffer.color(x: x, y: y).red == expected, "(\(x), \(y)) of \(start)-\(end)")
                }
            }
        }
    }
}
