import Graphics

extension PrintDocument {
    /// Font A is 12 dots wide at 203 dpi: 48 columns on 80 mm paper, 32 on 58 mm.
    static let columnWidthDots = 12

    /// The whole document as one ESC/POS job for a printer with `profile`: initialise, Chinese
    /// mode, the elements, and a final cut if the document has none.
    ///
    /// Printers without a Chinese font ROM get the whole document as raster images (one per cut),
    /// drawn by `rasterPages`. QR codes become raster images on printers without hardware QR.
    public func escposBytes(for profile: PrinterProfile, fontPath: String = FontFace.notoSansCJKPath) throws(PrintEncodingError) -> [UInt8] {
        var encoder = ESCPOSEncoder()
        encoder.initialize()
        if !profile.chineseFontROM {
            for page in try rasterPages(widthDots: profile.paperWidthDots, fontPath: fontPath) {
                encoder.rasterImage(page)
                Self.appendCut(to: &encoder, profile: profile)
            }
            return encoder.bytes
        }
        encoder.chineseMode(true)
        let columns = profile.paperWidthDots / Self.columnWidthDots
        for element in elements {
            switch element {
            case .title(let text):
                encoder.align(.centre)
                encoder.bold(true)
                encoder.characterSize(width: 2, height: 2)
                try encoder.text(text)
                encoder.characterSize(width: 1, height: 1)
                encoder.bold(false)
                encoder.align(.left)
            case .bigNumber(let text):
                encoder.align(.centre)
                encoder.bold(true)
                encoder.characterSize(width: 4, height: 4)
                try encoder.text(text)
                encoder.characterSize(width: 1, height: 1)
                encoder.bold(false)
                encoder.align(.left)
            case .line(let text):
                try encoder.text(text)
            case let .keyValue(key, value):
                let gap = max(1, columns - Self.displayColumns(key) - Self.displayColumns(value))
                try encoder.text(key + String(repeating: " ", count: gap) + value)
            case .qrCode(let text):
                encoder.align(.centre)
                if profile.hardwareQR {
                    try encoder.qrCode(Array(text.utf8), moduleSize: profile.paperWidthDots >= 576 ? 8 : 6)
                    encoder.newline()
                } else {
                    encoder.rasterImage(try Self.qrRaster(text, widthDots: profile.paperWidthDots))
                }
                encoder.align(.left)
            case .rule:
                // ASCII dashes print on every printer, with or without a font ROM.
                try encoder.text(String(repeating: "-", count: columns))
            case .image(let image):
                encoder.rasterImage(image)
            case .cut:
                Self.appendCut(to: &encoder, profile: profile)
            }
        }
        if elements.last != .cut { Self.appendCut(to: &encoder, profile: profile) }
        return encoder.bytes
    }

    static func appendCut(to encoder: inout ESCPOSEncoder, profile: PrinterProfile) {
        if profile.presenter {
            encoder.feed(lines: 4)
            encoder.presenterCut()
            encoder.present()
            return
        }
        switch profile.cutter {
        case .full:
            encoder.feed(lines: 4)
            encoder.cut(.full)
        case .partial:
            encoder.cut(.feedAndPartial(lines: 4))
        case .none:
            // A tear bar: feed the last line past it.
            encoder.feed(lines: 6)
        }
    }

    /// Columns a text takes in font A: CJK and other wide characters take two.
    static func displayColumns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (FontFace.isWide($1) ? 2 : 1) }
    }

    /// A QR code as a centred raster image the width of the paper, modules as large as fit (at most 8 dots).
    static func qrRaster(_ text: String, widthDots: Int) throws(PrintEncodingError) -> RasterImage {
        let matrix: QRCodeMatrix
        do {
            matrix = try QRCodeMatrix(encoding: Array(text.utf8))
        } catch {
            throw .dataTooLong(what: "QR data", length: text.utf8.count, limit: ESCPOSEncoder.maximumQRLength)
        }
        let moduleSize = max(1, min(8, widthDots / (matrix.size + 8)))
        let side = (matrix.size + 8) * moduleSize
        var image = RasterImage(width: widthDots, height: side)
        let left = (widthDots - side) / 2
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where matrix[x, y] {
                for dy in 0..<moduleSize {
                    for dx in 0..<moduleSize { image[left + (x + 4) * moduleSize + dx, (y + 4) * moduleSize + dy] = true }
                }
            }
        }
        return image
    }
}
