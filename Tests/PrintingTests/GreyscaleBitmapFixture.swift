import Graphics

/// Small pictures for the page-printer tests.
enum GreyscaleBitmapFixture {
    /// An A4-proportioned page at a low resolution with a black frame.
    static func page() -> GreyscaleBitmap {
        var bitmap = GreyscaleBitmap(width: 210, height: 297)
        bitmap.fill(x: 0, y: 0, width: 210, height: 4)
        bitmap.fill(x: 0, y: 293, width: 210, height: 4)
        return bitmap
    }
}

extension GreyscaleBitmap {
    func write(to path: String) throws { try PNGFile.write(self, to: path) }
}
