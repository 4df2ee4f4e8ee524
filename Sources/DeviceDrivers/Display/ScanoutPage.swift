/// One screenful of device memory: where pixel (0, 0) is, how far apart lines are (bytes, padding
/// included) and the pixel format. A pixel's address is
/// `base + y * lineLength + x * bytesPerPixel`; the caller has already added
/// `(yoffset + page * height) * line_length + xoffset * bytesPerPixel` to `base`.
struct ScanoutPage {
    let base: UnsafeMutableRawPointer
    /// The panel's visible size in pixels.
    let width: Int
    let height: Int
    let lineLength: Int
    let format: PixelFormat
}
