import Graphics

/// Copies damaged parts of a UI frame (XRGB8888) into device memory: rotated into the panel's
/// frame and converted to the device's pixel format in the same pass. The one copy path for
/// fbdev, DRM and file-backed framebuffers.
enum FrameCopier {
    /// Edge of the square tiles used for 90° and 270°: a tile reads 64 source lines, 256 bytes
    /// of each (16 KiB, in L1), while the panel side is written line by line. On the 2-core
    /// x86_64 dev VM (loaded), a 1080x1920 XRGB8888 frame: untiled 8-9 ms, 64 or 128 about 6 ms
    /// (0° and 180°: about 3.5 ms); 8..32 varied between 6 and 16 ms.
    static let tileSize = 64

    /// Copies UI rectangle `uiRect` of `frame` into `page`, rotated by `rotation`.
    /// `frame` must be the UI size for the page (`rotation.uiSize(panel…)`); `uiRect` is clipped to it.
    static func copy(_ uiRect: Rect, of frame: PixelBuffer, rotation: DisplayRotation, into page: ScanoutPage) {
        let clipped = uiRect.intersection(frame.bounds)
        guard !clipped.isEmpty else { return }
        let target = rotation.panelRect(ui: clipped, panelWidth: page.width, panelHeight: page.height)
            .intersection(Rect(x: 0, y: 0, width: page.width, height: page.height))
        guard !target.isEmpty else { return }
        // Source index of panel pixel (px, py) = origin + px * stepX + py * stepY (in pixels).
        let stride = frame.stride, lastX = page.width - 1, lastY = page.height - 1
        let origin, stepX, stepY: Int
        switch rotation {
        case .degrees0: (origin, stepX, stepY) = (0, 1, stride)
        case .degrees90: (origin, stepX, stepY) = (lastX * stride, -stride, 1)
        case .degrees180: (origin, stepX, stepY) = (lastY * stride + lastX, -1, -stride)
        case .degrees270: (origin, stepX, stepY) = (lastY, stride, -1)
        }
        let walk = Walk(source: frame.pixels, origin: origin, stepX: stepX, stepY: stepY, page: page, target: target)
        // 0° and 180° read lines sequentially: one tile as wide as the rectangle is enough.
        let tileWidth = rotation.swapsAxes ? tileSize : target.width
        let tileHeight = rotation.swapsAxes ? tileSize : target.height
        switch page.format {
        case .xrgb8888: walk.run(tileWidth: tileWidth, tileHeight: tileHeight, encoding: XRGB8888Encoding.self)
        case .xbgr8888: walk.run(tileWidth: tileWidth, tileHeight: tileHeight, encoding: XBGR8888Encoding.self)
        case .rgb565: walk.run(tileWidth: tileWidth, tileHeight: tileHeight, encoding: RGB565Encoding.self)
        case .bgr565: walk.run(tileWidth: tileWidth, tileHeight: tileHeight, encoding: BGR565Encoding.self)
        }
    }

    /// Reads the whole page back into a new UI-oriented frame (screenshots).
    static func read(_ page: ScanoutPage, rotation: DisplayRotation) -> PixelBuffer {
        let size = rotation.uiSize(panelWidth: page.width, panelHeight: page.height)
        let frame = PixelBuffer(width: size.width, height: size.height)
        let bytes = page.format.bytesPerPixel
        for y in 0..<size.height {
            let row = frame.row(y)
            for x in 0..<size.width {
                let panel = rotation.panelPixel(ui: x, y, panelWidth: page.width, panelHeight: page.height)
                let address = page.base + panel.y * page.lineLength + panel.x * bytes
                let value = bytes == 4 ? address.loadUnaligned(as: UInt32.self) : UInt32(address.loadUnaligned(as: UInt16.self))
                row[x] = page.format.decode(value)
            }
        }
        return frame
    }

    /// One rotated, converted copy, walked tile by tile over the panel-side rectangle so that
    /// writes go along panel lines and reads stay within a few cache lines per source line.
    private struct Walk {
        let source: UnsafeMutablePointer<UInt32>
        let origin: Int
        let stepX: Int
        let stepY: Int
        let page: ScanoutPage
        let target: Rect

        func run<Encoding: PixelEncoding>(tileWidth: Int, tileHeight: Int, encoding: Encoding.Type) {
            var tileY = target.minY
            while tileY < target.maxY {
                let endY = min(tileY + tileHeight, target.maxY)
                var tileX = target.minX
                while tileX < target.maxX {
                    let endX = min(tileX + tileWidth, target.maxX)
                    for py in tileY..<endY {
                        let line = (page.base + py * page.lineLength).assumingMemoryBound(to: Encoding.Storage.self)
                        let start = source + (origin + py * stepY)
                        switch stepX {
                        case 1:
                            // 0°: both sides contiguous, so the loop vectorises.
                            for px in tileX..<endX { line[px] = Encoding.encode(start[px]) }
                        case -1:
                            for px in tileX..<endX { line[px] = Encoding.encode(start[-px]) }
                        default:
                            var from = start + tileX * stepX
                            for px in tileX..<endX {
                                line[px] = Encoding.encode(from.pointee)
                                from += stepX
                            }
                        }
                    }
                    tileX = endX
                }
                tileY = endY
            }
        }
    }
}
