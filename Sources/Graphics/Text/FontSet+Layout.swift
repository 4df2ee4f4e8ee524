extension FontSet {
    /// The ideographic em box of CJK fonts (Noto Sans CJK, Source Han Sans, Adobe's CJK fonts)
    /// runs from 0.12 em below the baseline to 0.88 em above it. Centring that box in the line
    /// centres hanzi in the line (and so in a button), whatever the line spacing.
    static let ideographicEmBoxAscent = 0.88

    /// Lays out `text` in a box `width` pixels wide (nil: one line per paragraph, as wide as the
    /// longest), breaking lines by Chinese rules (`LineBreaker`).
    ///
    /// - Every line is `style.lineHeight` high; its baseline puts the ideographic em box in the
    ///   middle of the line, and every face of the chain shares it.
    /// - Every hanzi and full-width mark advances exactly `style.pixelSize` (one em, the SC face's
    ///   advance); Latin text uses the face's own (whole-pixel) advances. No kerning.
    /// - \n, \r\n, U+2028 and U+2029 start a new line; a tab is a space; other control characters
    ///   (NUL included) are dropped; invisible format characters (zero-width space and joiners,
    ///   variation selectors, soft hyphen) take no room and draw nothing.
    /// - A character no face has is drawn as an empty box and counted in `missingGlyphCount`,
    ///   over the whole text, including any part cut off by `style.maxLines`.
    /// - With `style.maxLines`, text that needs more lines is cut and the last line ends with "…".
    /// - No line is wider than `width`, unless a single glyph is.
    public func layout(_ text: String, width: Int? = nil, style: TextStyle) -> TextLayout {
        let width = width.map { max(0, $0) }
        let pixelSize = style.pixelSize
        var scalars: [Unicode.Scalar] = []
        var glyphs: [RenderedGlyph?] = []
        var advances: [Int] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var missingGlyphCount = 0
        for original in text.unicodeScalars {
            let scalar: Unicode.Scalar = original == "\t" ? " " : original
            let drawsNothing = LineBreakClass(scalar) == .mandatoryBreak || scalar.properties.isDefaultIgnorableCodePoint
            if !drawsNothing && scalar.properties.generalCategory == .control { continue }
            scalars.append(scalar)
            if drawsNothing {
                glyphs.append(nil)
                advances.append(0)
                continue
            }
            let (glyph, isMissing) = self.glyph(for: scalar, pixelSize: pixelSize)
            if isMissing { missingGlyphCount += 1 }
            glyphs.append(glyph)
            advances.append(glyph.advance)
        }

        let breaker = LineBreaker(maxWidth: width)
        var lines = breaker.lines(scalars, advances: advances)
        var ellipsis: RenderedGlyph? = nil
        if let maxLines = style.maxLines, lines.count > maxLines {
            lines.removeLast(lines.count - maxLines)
            let mark = self.glyph(for: "…", pixelSize: pixelSize).glyph
            lines[maxLines - 1] = breaker.truncate(lines[maxLines - 1], scalars: scalars, advances: advances, ellipsisWidth: mark.advance)
            ellipsis = mark
        }

        let lineWidths = lines.enumerated().map { index, line in
            line.width + (index == lines.count - 1 ? ellipsis?.advance ?? 0 : 0)
        }
        let boxWidth = width ?? lineWidths.max() ?? 0
        let lineHeight = style.lineHeight
        let baseline = Int(((Double(lineHeight) - Double(pixelSize)) / 2 + Self.ideographicEmBoxAscent * Double(pixelSize)).rounded())

        var placed: [PlacedGlyph] = []
        placed.reserveCapacity(scalars.count)
        var lineTexts: [String] = []
        for (index, line) in lines.enumerated() {
            let free = boxWidth - lineWidths[index]
            var penX: Int
            switch style.alignment {
            case .leading: penX = 0
            case .center: penX = free / 2
            case .trailing: penX = free
            }
            let baselineY = index * lineHeight + baseline
            func place(_ glyph: RenderedGlyph) {
                if glyph.mask.width > 0 && glyph.mask.height > 0 {
                    placed.append(PlacedGlyph(mask: glyph.mask, origin: Point(x: penX + glyph.left, y: baselineY - glyph.top)))
                }
                penX += glyph.advance
            }
            for position in line.range {
                if let glyph = glyphs[position] { place(glyph) }
            }
            var lineText = String(String.UnicodeScalarView(scalars[line.range]))
            if index == lines.count - 1, let ellipsis {
                place(ellipsis)
                lineText += "…"
            }
            lineTexts.append(lineText)
        }
        return TextLayout(
            glyphs: placed, size: Rect(x: 0, y: 0, width: boxWidth, height: lines.count * lineHeight), lines: lineTexts,
            missingGlyphCount: missingGlyphCount, isTruncated: ellipsis != nil
        )
    }
}
