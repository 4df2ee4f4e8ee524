/// The inner loops every primitive ends in: one row segment of XRGB8888 pixels written with one
/// colour, either opaque, at one alpha, or through a row of coverage. Raw pointers, no bounds
/// checks, no allocation: callers clip first. Plain loops over integers so the optimiser can
/// vectorise them.
enum PixelSpan {
    /// Writes `pixel` into `count` pixels.
    @inline(__always)
    static func fill(_ destination: UnsafeMutablePointer<UInt32>, count: Int, pixel: UInt32) {
        guard count > 0 else { return }
        destination.update(repeating: pixel, count: count)
    }

    /// Blends `pixel` over `count` pixels at one `alpha` (1...254; 0 and 255 are the caller's
    /// fast paths). The source's share is computed once for the whole span.
    @inline(__always)
    static func blend(_ destination: UnsafeMutablePointer<UInt32>, count: Int, pixel: UInt32, alpha: UInt32) {
        let inverse = 255 &- alpha
        let sourceRB = (pixel & 0xFF00FF) &* alpha &+ 0x800080
        let sourceG = (pixel & 0x00FF00) &* alpha &+ 0x008000
        for index in 0..<count {
            let old = destination[index]
            let rb = sourceRB &+ (old & 0xFF00FF) &* inverse
            let g = sourceG &+ (old & 0x00FF00) &* inverse
            destination[index] = 0xFF00_0000
                | (((rb &+ ((rb >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF)
                | (((g &+ ((g >> 8) & 0x00FF00)) >> 8) & 0x00FF00)
        }
    }

    /// Any alpha: skips 0, fills 255, blends the rest.
    @inline(__always)
    static func paint(_ destination: UnsafeMutablePointer<UInt32>, count: Int, pixel: UInt32, alpha: UInt32) {
        guard count > 0, alpha > 0 else { return }
        if alpha >= 255 {
            fill(destination, count: count, pixel: pixel)
        } else {
            blend(destination, count: count, pixel: pixel, alpha: alpha)
        }
    }

    /// Blends `pixel` through `count` coverage bytes, each scaled by `colorAlpha` (0...255).
    @inline(__always)
    static func blend(
        _ destination: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, count: Int, pixel: UInt32, colorAlpha: UInt32
    ) {
        let sourceRB = pixel & 0xFF00FF
        let sourceG = pixel & 0x00FF00
        for index in 0..<count {
            var alpha = UInt32(coverage[index])
            if alpha == 0 { continue }
            if colorAlpha != 255 { alpha = (alpha &* colorAlpha &+ 255) >> 8 }
            if alpha == 255 {
                destination[index] = pixel
                continue
            }
            let inverse = 255 &- alpha
            let old = destination[index]
            let rb = sourceRB &* alpha &+ (old & 0xFF00FF) &* inverse &+ 0x800080
            let g = sourceG &* alpha &+ (old & 0x00FF00) &* inverse &+ 0x008000
            destination[index] = 0xFF00_0000
                | (((rb &+ ((rb >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF)
                | (((g &+ ((g >> 8) & 0x00FF00)) >> 8) & 0x00FF00)
        }
    }
}
