import Testing
@testable import Graphics

@Suite struct QRCodeDrawingTests {
    /// Every module drawn reads back as the matrix says, at its scaled position, with the light
    /// quiet zone around it.
    @Test func modulesReadBack() throws {
        let code = try QRCodeMatrix(encoding: Array("https://hall.example.gov.cn/q/K-0412/A017".utf8))
        let moduleSize = 3, origin = Point(x: 10, y: 7)
        let side = (code.size + 8) * moduleSize
        let buffer = PixelBuffer(width: side + 20, height: side + 14, color: Color(rgb: 0x0000FF))
        Canvas(buffer).draw(code, at: origin, moduleSize: moduleSize)
        for y in 0..<(code.size + 8) {
            for x in 0..<(code.size + 8) {
                let inCode = (4..<(code.size + 4)).contains(x) && (4..<(code.size + 4)).contains(y)
                let dark = inCode && code[x - 4, y - 4]
                let expected: UInt32 = dark ? 0xFF00_0000 : 0xFFFF_FFFF
                // Check every pixel of the module.
                for dy in 0..<moduleSize {
                    for dx in 0..<moduleSize {
                        #expect(buffer[origin.x + x * moduleSize + dx, origin.y + y * moduleSize + dy] == expected)
                    }
                }
            }
        }
        // Around it, untouched.
        #expect(buffer[origin.x - 1, origin.y] == 0xFF00_00FF)
        #expect(buffer[origin.x + side, origin.y] == 0xFF00_00FF)
        #expect(buffer[origin.x, origin.y + side] == 0xFF00_00FF)
    }
}
