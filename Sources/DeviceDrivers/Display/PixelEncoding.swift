/// One device pixel format as a type, so that the copy loop is specialised per format and the
/// inner loop holds no switch. `PixelFormat.encode` gives the same values.
protocol PixelEncoding {
    associatedtype Storage: FixedWidthInteger & UnsignedInteger
    static func encode(_ pixel: UInt32) -> Storage
}

enum XRGB8888Encoding: PixelEncoding {
    @inline(__always) static func encode(_ pixel: UInt32) -> UInt32 { pixel | 0xFF00_0000 }
}

enum XBGR8888Encoding: PixelEncoding {
    @inline(__always) static func encode(_ pixel: UInt32) -> UInt32 {
        0xFF00_0000 | (pixel & 0x00FF00) | ((pixel & 0xFF) << 16) | ((pixel >> 16) & 0xFF)
    }
}

enum RGB565Encoding: PixelEncoding {
    @inline(__always) static func encode(_ pixel: UInt32) -> UInt16 {
        UInt16(truncatingIfNeeded: ((pixel >> 8) & 0xF800) | ((pixel >> 5) & 0x07E0) | ((pixel >> 3) & 0x001F))
    }
}

enum BGR565Encoding: PixelEncoding {
    @inline(__always) static func encode(_ pixel: UInt32) -> UInt16 {
        UInt16(truncatingIfNeeded: ((pixel << 8) & 0xF800) | ((pixel >> 5) & 0x07E0) | ((pixel >> 19) & 0x001F))
    }
}
