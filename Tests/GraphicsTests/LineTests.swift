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
}
