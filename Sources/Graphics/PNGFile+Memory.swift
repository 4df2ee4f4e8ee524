import CPNG

extension PNGFile {
    public struct EncodeError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "Unable to encode the PNG: \(message)" }
    }

    /// `buffer` as an opaque RGB PNG in memory (a screenshot sent over the control socket). The
    /// corresponding C function is `png_image_write_to_memory`, called twice: once for the size,
    /// once to write.
    /// `fast` trades size for time (PNG_IMAGE_FLAG_FAST: no filter search, quicker zlib), for a
    /// picture sent over loopback many times a minute.
    public static func encode(_ buffer: PixelBuffer, fast: Bool = false) throws(EncodeError) -> [UInt8] {
        let rgb = rgbBytes(of: buffer)
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        if fast { image.flags |= UInt32(PNG_IMAGE_FLAG_FAST) }
        image.width = UInt32(buffer.width)
        image.height = UInt32(buffer.height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR)
        let rowBytes = Int32(buffer.width * 3)
        var size: png_alloc_size_t = 0
        let measured = rgb.withUnsafeBufferPointer { png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, rowBytes, nil) }
        guard measured != 0, size > 0 else { throw EncodeError(message: failure(&image)) }
        var encoded = [UInt8](repeating: 0, count: Int(size))
        let written = rgb.withUnsafeBufferPointer { pixels in
            encoded.withUnsafeMutableBytes { png_image_write_to_memory(&image, $0.baseAddress, &size, 0, pixels.baseAddress, rowBytes, nil) }
        }
        guard written != 0 else { throw EncodeError(message: failure(&image)) }
        return Array(encoded.prefix(Int(size)))
    }

    private static func failure(_ image: inout png_image) -> String {
        let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        png_image_free(&image)
        return message
    }
}
