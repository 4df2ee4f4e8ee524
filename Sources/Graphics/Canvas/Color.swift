/// A colour with straight (not premultiplied) alpha; 255 = opaque.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// From `0xRRGGBB`, as designers write colours (#0B1A33 is `Color(rgb: 0x0B1A33)`).
    public init(rgb: UInt32, alpha: UInt8 = 255) {
        self.init(red: UInt8(truncatingIfNeeded: rgb >> 16), green: UInt8(truncatingIfNeeded: rgb >> 8), blue: UInt8(truncatingIfNeeded: rgb), alpha: alpha)
    }

    /// From an XRGB8888 pixel (the working format); the X byte is ignored.
    public init(xrgb8888 pixel: UInt32) {
        self.init(rgb: pixel & 0xFF_FFFF)
    }

    /// The XRGB8888 pixel of this colour as if opaque (X = 0xFF).
    public var xrgb8888: UInt32 {
        0xFF00_0000 | UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }

    public func withAlpha(_ alpha: UInt8) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    public static let black = Color(rgb: 0x000000)
    public static let white = Color(rgb: 0xFFFFFF)
    public static let clear = Color(rgb: 0x000000, alpha: 0)

    public var description: String {
        let hex = String(UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue), radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex + (alpha == 255 ? "" : "/\(alpha)")
    }
}
