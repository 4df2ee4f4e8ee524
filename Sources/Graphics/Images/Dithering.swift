/// Pictures reduced to black and white dots for a receipt printer, as `GreyscaleBitmap`s that
/// hold only `GreyscaleBitmap.black` and `.white`, ready for the printer's raster path.
public enum Dithering {
    public enum Method: Sendable {
        /// Error diffusion: best for photos (the citizen's portrait, a logo with gradients).
        case floydSteinberg
        /// An 8 x 8 Bayer matrix: a regular pattern, stable when the picture changes slightly.
        case ordered
    }

    /// Black and white version of `picture`; pure black and pure white stay exactly as they are.
    public static func dither(_ picture: GreyscaleBitmap, method: Method = .floydSteinberg) -> GreyscaleBitmap {
        switch method {
        case .floydSteinberg: floydSteinberg(picture)
        case .ordered: ordered(picture)
        }
    }

    /// A colour picture composited over white paper, then dithered.
    public static func dither(_ image: RGBAImage, method: Method = .floydSteinberg) -> GreyscaleBitmap {
        dither(greyscale(image), method: method)
    }

    /// Luma (ITU-R BT.601 weights) over white paper.
    public static func greyscale(_ image: RGBAImage) -> GreyscaleBitmap {
        var grey = GreyscaleBitmap(width: image.width, height: image.height)
        image.bytes.withUnsafeBufferPointer { bytes in
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let index = (y * image.width + x) * 4
                    let luma = (299 * Int(bytes[index]) + 587 * Int(bytes[index + 1]) + 114 * Int(bytes[index + 2]) + 500) / 1000
                    let alpha = Int(bytes[index + 3])
                    grey[x, y] = UInt8((luma * alpha + 255 * (255 - alpha) + 127) / 255)
                }
            }
        }
        return grey
    }

    private static func floydSteinberg(_ picture: GreyscaleBitmap) -> GreyscaleBitmap {
        let width = picture.width, height = picture.height
        var result = GreyscaleBitmap(width: width, height: height)
        // Two rows of accumulated error in 1/16ths, one pixel of margin on each side.
        var current = [Int](repeating: 0, count: width + 2)
        var next = [Int](repeating: 0, count: width + 2)
        for y in 0..<height {
            for x in 0..<width {
                let value = Int(picture[x, y]) + current[x + 1] / 16
                let output = value >= 128 ? 255 : 0
                result[x, y] = UInt8(output)
                let error = value - output
                current[x + 2] += error * 7
                next[x] += error * 3
                next[x + 1] += error * 5
                next[x + 2] += error
            }
            swap(&current, &next)
            for index in next.indices { next[index] = 0 }
        }
        return result
    }

    /// The classic 8 x 8 Bayer threshold matrix (values 0...63).
    private static let bayer: [Int] = [
        0, 32, 8, 40, 2, 34, 10, 42, 48, 16, 56, 24, 50, 18, 58, 26,
        12, 44, 4, 36, 14, 46, 6, 38, 60, 28, 52, 20, 62, 30, 54, 22,
        3, 35, 11, 43, 1, 33, 9, 41, 51, 19, 59, 27, 49, 17, 57, 25,
        15, 47, 7, 39, 13, 45, 5, 37, 63, 31, 55, 23, 61, 29, 53, 21,
    ]

    private static func ordered(_ picture: GreyscaleBitmap) -> GreyscaleBitmap {
        var result = GreyscaleBitmap(width: picture.width, height: picture.height)
        for y in 0..<picture.height {
            for x in 0..<picture.width {
                // Thresholds spread over 2...254, so 0 is always black and 255 always white.
                let threshold = (bayer[(y % 8) * 8 + x % 8] * 4) + 2
                result[x, y] = Int(picture[x, y]) >= threshold ? GreyscaleBitmap.white : GreyscaleBitmap.black
            }
        }
        return result
    }
}
