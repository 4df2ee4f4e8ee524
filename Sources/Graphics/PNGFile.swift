import CPNG

/// Writes greyscale PNG files through libpng's simplified API (png_image_write_*), which reports
/// errors in `png_image.message` instead of the classic API's setjmp/longjmp.
public enum PNGFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "Unable to write the PNG '\(path)': \(message)" }
    }

    /// The corresponding C function is `png_image_write_to_file`. Blocks on the file system.
    public static func write(_ bitmap: GreyscaleBitmap, to path: String) throws(WriteError) {
        guard bitmap.height > 0 else { throw WriteError(path: path, message: "the image has no rows") }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(bitmap.width)
        image.height = UInt32(bitmap.height)
        image.format = UInt32(PNG_FORMAT_GRAY)
        let ok = bitmap.pixels.withUnsafeBufferPointer { pixels in
            png_image_write_to_file(&image, path, 0, pixels.baseAddress, Int32(bitmap.width), nil)
        }
        guard ok != 0 else {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&image)
            throw WriteError(path: path, message: message)
        }
    }
}
