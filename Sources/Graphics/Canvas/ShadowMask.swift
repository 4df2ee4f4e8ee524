#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blurred rounded rectangles: the source of every shadow.
enum ShadowMask {
    /// A rounded rectangle of `width` x `height` blurred by a Gaussian of radius `blur` (sigma =
    /// blur / 2, cut at 2 sigma), in a mask grown by `blur` on every side so the fade is whole.
    ///
    /// With `topLeft`, only that many columns and rows from the top left are computed and
    /// returned (the nine-piece shadow needs one quadrant of a symmetric mask).
    static func whole(width: Int, height: Int, radius: Int, blur: Int, corner: CornerMask?, topLeft: (width: Int, height: Int)? = nil) -> AlphaMask {
        let shape = CornerMask.roundedRectangle(width: width, height: height, radius: radius, corner: corner)
        let maskWidth = width + 2 * blur, maskHeight = height + 2 * blur
        var source = [Float](repeating: 0, count: maskWidth * maskHeight)
        for y in 0..<height {
            for x in 0..<width {
                source[(y + blur) * maskWidth + x + blur] = Float(shape[y * width + x])
            }
        }
        let output = topLeft ?? (maskWidth, maskHeight)
        let blurred = gaussianBlur(source, width: maskWidth, height: maskHeight, radius: blur, outputWidth: output.width, outputHeight: output.height)
        return AlphaMask(width: output.width, height: output.height, coverage: blurred)
    }

    /// A separable Gaussian, normalised so that a solid area stays 255; only the top-left
    /// `outputWidth` x `outputHeight` of the result is computed and returned.
    private static func gaussianBlur(_ source: [Float], width: Int, height: Int, radius: Int, outputWidth: Int, outputHeight: Int) -> [UInt8] {
        guard radius > 0 else {
            return (0..<(outputWidth * outputHeight)).map { UInt8(source[($0 / outputWidth) * width + $0 % outputWidth].rounded()) }
        }
        let sigma = Float(radius) / 2
        var kernel = (-radius...radius).map { offset in
            let d = Float(offset)
            return expf(-(d * d) / (2 * sigma * sigma))
        }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        // The vertical pass reads `radius` rows below the output; the horizontal pass reads
        // `radius` columns right of it, which the bounds on k take care of.
        var horizontal = [Float](repeating: 0, count: width * height)
        for y in 0..<min(height, outputHeight + radius) {
            for x in 0..<outputWidth {
                var sum: Float = 0
                for k in max(-radius, -x)...min(radius, width - 1 - x) {
                    sum += source[y * width + x + k] * kernel[k + radius]
                }
                horizontal[y * width + x] = sum
            }
        }
        var result = [UInt8](repeating: 0, count: outputWidth * outputHeight)
        for y in 0..<outputHeight {
            for x in 0..<outputWidth {
                var sum: Float = 0
                for k in max(-radius, -y)...min(radius, height - 1 - y) {
                    sum += horizontal[(y + k) * width + x] * kernel[k + radius]
                }
                result[y * outputWidth + x] = UInt8(min(255, max(0, sum.rounded())))
            }
        }
        return result
    }
}
