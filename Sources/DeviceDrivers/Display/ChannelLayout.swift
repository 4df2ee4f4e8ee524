import CLinuxDevices

/// Where a framebuffer keeps each colour channel: `fb_var_screeninfo`'s bits_per_pixel and its
/// red, green and blue `fb_bitfield`s (offset from the least significant bit, length in bits).
public struct ChannelLayout: Sendable, Equatable, CustomStringConvertible {
    public struct Channel: Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var length: Int
        public init(_ offset: Int, _ length: Int) {
            self.offset = offset
            self.length = length
        }
        init(_ field: fb_bitfield) { self.init(Int(field.offset), Int(field.length)) }
        public var description: String { "\(offset)/\(length)" }
    }

    public var bitsPerPixel: Int
    public var red: Channel
    public var green: Channel
    public var blue: Channel

    public init(bitsPerPixel: Int, red: Channel, green: Channel, blue: Channel) {
        self.bitsPerPixel = bitsPerPixel
        self.red = red
        self.green = green
        self.blue = blue
    }

    init(_ info: fb_var_screeninfo) {
        self.init(bitsPerPixel: Int(info.bits_per_pixel), red: Channel(info.red), green: Channel(info.green), blue: Channel(info.blue))
    }

    /// "32 bits per pixel, red 16/8, green 8/8, blue 0/8 (offset/length)".
    public var description: String {
        "\(bitsPerPixel) bits per pixel, red \(red), green \(green), blue \(blue) (offset/length)"
    }

    /// The layout of a format, as a driver would report it.
    public init(_ format: PixelFormat) {
        switch format {
        case .xrgb8888: self.init(bitsPerPixel: 32, red: .init(16, 8), green: .init(8, 8), blue: .init(0, 8))
        case .xbgr8888: self.init(bitsPerPixel: 32, red: .init(0, 8), green: .init(8, 8), blue: .init(16, 8))
        case .rgb565: self.init(bitsPerPixel: 16, red: .init(11, 5), green: .init(5, 6), blue: .init(0, 5))
        case .bgr565: self.init(bitsPerPixel: 16, red: .init(0, 5), green: .init(5, 6), blue: .init(11, 5))
        }
    }
}
