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

    /// Coverage (0...255) times a colour's alpha (0...255), as 0...255: exact when either is 0
    /// or 255. Every path that blends through coverage uses this, so the blend-table path
    /// (`BlendTable`) gives the same pixels as the arithmetic one.
    @inline(__always)
    static func scaledAlpha(_ coverage: UInt32, colorAlpha: UInt32) -> UInt32 { (coverage &* colorAlpha &+ 255) >> 8 }

    /// The blend of `pixel` over `backdrop` at `alpha`, one pixel.
    @inline(__always)
    static func blended(_ backdrop: UInt32, _ pixel: UInt32, alpha: UInt32) -> UInt32 {
        let inverse = 255 &- alpha
        let rb = (pixel & 0xFF00FF) &* alpha &+ (backdrop & 0xFF00FF) &* inverse &+ 0x800080
        let g = (pixel & 0x00FF00) &* alpha &+ (backdrop & 0x00FF00) &* inverse &+ 0x008000
        return 0xFF00_0000
            | (((rb &+ ((rb >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF)
            | (((g &+ ((g >> 8) & 0x00FF00)) >> 8) & 0x00FF00)
    }

    /// Over a backdrop known to be one solid colour, a blend through coverage is a table lookup:
    /// `table[c]` is the blended pixel for coverage c (see `BlendTable`). Runs of eight zeros are
    /// skipped (the backdrop is already there) and runs of eight 255s filled.
    @inline(__always)
    static func map(_ destination: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, count: Int, table: UnsafePointer<UInt32>) {
        var index = 0
        let raw = UnsafeRawPointer(coverage)
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word != 0 {
                if word == ~0 {
                    fill(destination + index, count: 8, pixel: table[255])
                } else {
                    for offset in index..<(index + 8) { destination[offset] = table[Int(coverage[offset])] }
                }
            }
            index += 8
        }
        while index < count {
            destination[index] = table[Int(coverage[index])]
            index += 1
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
    ///
    /// Glyphs and corners are mostly empty or solid: eight coverage bytes are read as one word,
    /// and a run of eight zeros is skipped and a run of eight 255s filled, so only the partly
    /// covered pixels are blended, without branches.
    @inline(__always)
    static func blend(
        _ destination: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, count: Int, pixel: UInt32, colorAlpha: UInt32
    ) {
        var index = 0
        let raw = UnsafeRawPointer(coverage)
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word == 0 {
                index += 8
                continue
            }
            if word == ~0 && colorAlpha == 255 {
                fill(destination + index, count: 8, pixel: pixel)
                index += 8
                continue
            }
            blendEach(destination + index, coverage: coverage + index, count: 8, pixel: pixel, colorAlpha: colorAlpha)
            index += 8
        }
        blendEach(destination + index, coverage: coverage + index, count: count - index, pixel: pixel, colorAlpha: colorAlpha)
    }

    /// Every pixel through the blend, no branches: coverage 0 leaves a pixel exactly as it was and
    /// 255 writes exactly `pixel` (the rounding division by 255 is exact at both ends).
    @inline(__always)
    static func blendEach(
        _ destination: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, count: Int, pixel: UInt32, colorAlpha: UInt32
    ) {
        let sourceRB = pixel & 0xFF00FF
        let sourceG = pixel & 0x00FF00
        for index in 0..<count {
            let alpha = scaledAlpha(UInt32(coverage[index]), colorAlpha: colorAlpha)
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
