import Graphics

extension PrintDocument {
    /// Sizes of the raster layout, in dots at 203 dpi: the same as font A in text mode (24-dot
    /// characters on 30-dot lines), so a ticket looks alike on both kinds of printer.
    enum RasterLayout {
        static let textPixels = 24
        static let titlePixels = 48
        static let bigNumberPixels = 96
        static let ruleGap = 12
    }

    /// The document drawn as pictures, one per cut, for printers without a Chinese font ROM:
    /// text in Noto Sans CJK (face 2, Simplified Chinese), QR codes from libqrencode.
    /// - Throws: `PrintEncodingError.fontUnavailable` when the font file cannot be opened.
    public func rasterPages(widthDots: Int, fontPath: String = FontFace.notoSansCJKPath) throws(PrintEncodingError) -> [RasterImage] {
        let face: FontFace
        do {
            face = try FontFace(library: FreeTypeLibrary(), path: fontPath, faceIndex: FontFace.notoSansCJKSimplifiedChineseFace, pixelSize: RasterLayout.textPixels)
        } catch {
            throw .fontUnavailable(fontPath)
        }
        var pages: [RasterImage] = []
        var paper = GreyscaleBitmap(width: widthDots, height: 0)
        func append(_ bitmap: GreyscaleBitmap, alignment: ESCPOSEncoder.Alignment) {
            let top = paper.height
            paper.grow(toHeight: top + bitmap.height)
            let left = switch alignment {
            case .left: 0
            case .centre: max(0, (widthDots - bitmap.width) / 2)
            case .right: max(0, widthDots - bitmap.width)
            }
            paper.draw(bitmap, x: left, y: top)
        }
        func text(_ string: String, pixels: Int, bold: Bool = false) -> GreyscaleBitmap {
            try? face.setPixelSize(pixels)
            let line = face.render(string)
            guard bold else { return line }
            var thicker = line
            thicker.draw(line, x: 1, y: 0)
            return thicker
        }
        for element in elements {
            switch element {
            case .title(let string):
                append(text(string, pixels: RasterLayout.titlePixels, bold: true), alignment: .centre)
            case .bigNumber(let string):
                append(text(string, pixels: RasterLayout.bigNumberPixels, bold: true), alignment: .centre)
            case .line(let string):
                append(text(string, pixels: RasterLayout.textPixels), alignment: .left)
            case let .keyValue(key, value):
                let keyBitmap = text(key, pixels: RasterLayout.textPixels)
                let valueBitmap = text(value, pixels: RasterLayout.textPixels)
                var row = GreyscaleBitmap(width: widthDots, height: max(keyBitmap.height, valueBitmap.height))
                row.draw(keyBitmap, x: 0, y: 0)
                row.draw(valueBitmap, x: max(keyBitmap.width + RasterLayout.textPixels, widthDots - valueBitmap.width), y: 0)
                append(row, alignment: .left)
            case .qrCode(let string):
                let image = try Self.qrRaster(string, widthDots: widthDots)
                append(GreyscaleBitmap(image), alignment: .left)
            case .rule:
                var rule = GreyscaleBitmap(width: widthDots, height: RasterLayout.ruleGap * 2)
                for x in stride(from: 0, to: widthDots, by: 12) { rule.fill(x: x, y: RasterLayout.ruleGap - 1, width: 8, height: 2) }
                append(rule, alignment: .left)
            case .image(let image):
                append(GreyscaleBitmap(image), alignment: .centre)
            case .cut:
                pages.append(RasterImage(thresholding: paper))
                paper = GreyscaleBitmap(width: widthDots, height: 0)
            }
        }
        if paper.height > 0 || pages.isEmpty { pages.append(RasterImage(thresholding: paper)) }
        return pages
    }
}

extension RasterImage {
    /// Ink where the grey is darker than mid-grey. Anti-aliased glyph edges become clean dots,
    /// which thermal heads print better than dithered ones.
    init(thresholding bitmap: GreyscaleBitmap) {
        self.init(width: bitmap.width, height: bitmap.height)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap[x, y] < 128 { self[x, y] = true }
        }
    }
}

extension GreyscaleBitmap {
    /// A 1-bit image as black and white grey levels.
    init(_ image: RasterImage) {
        self.init(width: image.width, height: image.height)
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] { self[x, y] = GreyscaleBitmap.black }
        }
    }
}
