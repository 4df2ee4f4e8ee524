import CPNG

/// Reads and writes PNG files through libpng's simplified API (png_image_begin_read_from_file,
/// png_image_finish_read, png_image_write_to_file), which reports errors in
/// `png_image.message` instead of the classic API's setjmp/longjmp. Calls block on the file
/// system.
public enum PNGFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "Unable to write the PNG '\(path)': \(message)" }
    }

    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var message: String
        public var description: String { "Unable to read the PNG '\(path)': \(message)" }
    }

    /// png.h's PNG_FORMAT_* values; Swift does not import those macros because they are built
    /// from other macros.
    private enum Format {
        static let grey: UInt32 = 0
        static let rgb = UInt32(PNG_FORMAT_FLAG_COLOR)
        static let rgba = UInt32(PNG_FORMAT_FLAG_COLOR) | UInt32(PNG_FORMAT_FLAG_ALPHA)
    }

    /// The corresponding C function is `png_image_write_to_file`.
    public static func write(_ bitmap: GreyscaleBitmap, to path: String) throws(WriteError) {
        guard bitmap.height > 0 else { throw WriteError(path: path, message: "the image has no rows") }
        try bitmap.pixels.withUnsafeBufferPointer { pixels throws(WriteError) in
            try write(pixels.baseAddress!, width: bitmap.width, height: bitmap.height, format: Format.grey, bytesPerPixel: 1, to: path)
        }
    }

    /// Writes an RGBA image, alpha kept.
    public static func write(_ image: RGBAImage, to path: String) throws(WriteError) {
        try image.bytes.withUnsafeBufferPointer { bytes throws(WriteError) in
            try write(bytes.baseAddress!, width: image.width, height: image.height, format: Format.rgba, bytesPerPixel: 4, to: path)
        }
    }

    /// Writes a screenshot of `buffer` as an opaque RGB PNG (the X byte is not alpha).
    public static func write(_ buffer: PixelBuffer, to path: String) throws(WriteError) {
        try rgbBytes(of: buffer).withUnsafeBufferPointer { bytes throws(WriteError) in
            try write(bytes.baseAddress!, width: buffer.width, height: buffer.height, format: Format.rgb, bytesPerPixel: 3, to: path)
        }
    }

    /// The buffer's pixels as packed 8-bit RGB rows, what libpng's RGB format takes.
    static func rgbBytes(of buffer: PixelBuffer) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: buffer.width * buffer.height * 3)
        rgb.withUnsafeMutableBufferPointer { bytes in
            var index = 0
            for y in 0..<buffer.height {
                let row = buffer.row(y)
                for x in 0..<buffer.width {
                    let pixel = row[x]
                    bytes[index] = UInt8(truncatingIfNeeded: pixel >> 16)
                    bytes[index + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                    bytes[index + 2] = UInt8(truncatingIfNeeded: pixel)
                    index += 3
                }
            }
        }
        return rgb
    }

    private static func write(
        _ pixels: UnsafePointer<UInt8>, width: Int, height: Int, format: UInt32, bytesPerPixel: Int, to path: String
    ) throws(WriteError) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = format
        guard png_image_write_to_file(&image, path, 0, pixels, Int32(width * bytesPerPixel), nil) != 0 else {
            let message = Self.message(of: image)
            png_image_free(&image)
            throw WriteError(path: path, message: message)
        }
    }

    /// Reads any PNG (greyscale, palette, RGB, with or without alpha, 8 or 16 bits) as RGBA.
    /// A missing, truncated or corrupt file throws with libpng's reason; nothing is returned.
    /// The corresponding C functions are `png_image_begin_read_from_file` and `png_image_finish_read`.
    public static func readRGBA(from path: String) throws(ReadError) -> RGBAImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        // On failure the simplified API has already released its memory (png_image_free is
        // then a no-op), so every error path only reads the message.
        guard png_image_begin_read_from_file(&image, path) != 0 else {
            throw ReadError(path: path, message: message(of: image))
        }
        image.format = Format.rgba
        let width = Int(image.width), height = Int(image.height)
        // libpng limits each side to 1,000,000 by default; refuse anything a kiosk would not show
        // before allocating for it.
        guard width > 0, height > 0, width * height <= 64 * 1024 * 1024 else {
            png_image_free(&image)
            throw ReadError(path: path, message: "unreasonable size \(width)x\(height)")
        }
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        let ok = bytes.withUnsafeMutableBufferPointer { buffer in
            png_image_finish_read(&image, nil, buffer.baseAddress, Int32(width * 4), nil)
        }
        guard ok != 0 else {
            let message = message(of: image)
            png_image_free(&image)
            throw ReadError(path: path, message: message)
        }
        return RGBAImage(width: width, height: height, bytes: bytes)
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
