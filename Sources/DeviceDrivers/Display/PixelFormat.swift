/// A framebuffer's pixel format, as kioskd can draw it. Little-endian throughout (x86_64, ARM):
/// the names give the channels from the most significant bit down, as DRM fourcc names do.
public enum PixelFormat: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// 32 bits, 0xXXRRGGBB: blue in the first byte in memory. The renderer's own format.
    case xrgb8888
    /// 32 bits, 0xXXBBGGRR: red in the first byte in memory.
    case xbgr8888
    /// 16 bits, RRRRRGGG GGGBBBBB.
    case rgb565
    /// 16 bits, BBBBBGGG GGGRRRRR.
    case bgr565

    public var bytesPerPixel: Int {
        switch self {
        case .xrgb8888, .xbgr8888: 4
        case .rgb565, .bgr565: 2
        }
    }

    public var description: String { rawValue.uppercased() }

    /// The format whose channels sit at these offsets, or nil for any other layout.
    /// Detect from the offsets, not from bits per pixel alone: XRGB and XBGR are both 32 bits.
    init?(channels: ChannelLayout) {
        switch (channels.bitsPerPixel, channels.red, channels.green, channels.blue) {
        case (32, .init(16, 8), .init(8, 8), .init(0, 8)): self = .xrgb8888
        case (32, .init(0, 8), .init(8, 8), .init(16, 8)): self = .xbgr8888
        case (16, .init(11, 5), .init(5, 6), .init(0, 5)): self = .rgb565
        case (16, .init(0, 5), .init(5, 6), .init(11, 5)): self = .bgr565
        default: return nil
        }
    }

    /// One working-format pixel (0xXXRRGGBB) in this format, in the low bits; X becomes 0xFF.
    func encode(_ pixel: UInt32) -> UInt32 {
        switch self {
        case .xrgb8888: XRGB8888Encoding.encode(pixel)
        case .xbgr8888: XBGR8888Encoding.encode(pixel)
        case .rgb565: UInt32(RGB565Encoding.encode(pixel))
        case .bgr565: UInt32(BGR565Encoding.encode(pixel))
        }
    }

    /// A device pixel back in the working format, opaque; 5- and 6-bit channels are widened by
    /// repeating their top bits, so white stays 0xFFFFFF.
    func decode(_ value: UInt32) -> UInt32 {
        func widen5(_ v: UInt32) -> UInt32 { (v << 3) | (v >> 2) }
        func widen6(_ v: UInt32) -> UInt32 { (v << 2) | (v >> 4) }
        switch self {
        case .xrgb8888:
            return value | 0xFF00_0000
        case .xbgr8888:
            return 0xFF00_0000 | (value & 0x00FF00) | ((value & 0xFF) << 16) | ((value >> 16) & 0xFF)
        case .rgb565:
            let red = widen5((value >> 11) & 0x1F), green = widen6((value >> 5) & 0x3F), blue = widen5(value & 0x1F)
            return 0xFF00_0000 | red << 16 | green << 8 | blue
        case .bgr565:
            let blue = widen5((value >> 11) & 0x1F), green = widen6((value >> 5) & 0x3F), red = widen5(value & 0x1F)
            return 0xFF00_0000 | red << 16 | green << 8 | blue
        }
    }
}
