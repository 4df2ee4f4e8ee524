import Graphics

/// Reads an ESC/POS stream the way a printer does and draws what it would print onto a paper
/// bitmap: GB18030 text in the CJK font, raster images, QR codes. Commands may arrive split
/// across reads; an incomplete one waits in `pending` for the rest.
public final class ESCPOSInterpreter {
    public private(set) var paper: GreyscaleBitmap
    /// Rows printed on the current ticket.
    public private(set) var cursorY = 0
    private var pending: [UInt8] = []
    private var line: [UInt8] = []
    private let font: FontFace?

    // Modes set by commands.
    private var alignment: UInt8 = 0
    private var bold = false
    private var widthScale = 1
    private var heightScale = 1
    private var chineseMode = false
    private var qrModuleSize = 3
    private var qrData: [UInt8] = []
    public var automaticStatusBack = false

    /// Dots of font A's line: 24-dot glyphs and 6 dots of spacing, as on most 203 dpi printers.
    public static let lineDots = 30
    public static let glyphDots = 24

    public enum Event: Equatable {
        /// Bytes the printer sends back now (status replies).
        case reply([UInt8])
        /// The paper was cut: the ticket is finished.
        case cut
        /// The roll ran out while printing.
        case ranOutOfPaper
    }

    public init(widthDots: Int, font: FontFace?) {
        paper = GreyscaleBitmap(width: widthDots, height: 0)
        self.font = font
    }

    /// Interprets as many complete commands as `bytes` (after what was pending) hold.
    /// `state` is read for status replies and changed when the paper runs out.
    public func feed(_ bytes: [UInt8], state: inout SimulatedPrinterState) -> [Event] {
        pending += bytes
        var events: [Event] = []
        var index = 0
        while index < pending.count {
            guard let used = step(at: index, state: &state, events: &events) else { break }
            index += used
        }
        pending.removeFirst(index)
        return events
    }

    /// Interprets the command at `index`; returns how many bytes it took, or nil if incomplete.
    private func step(at index: Int, state: inout SimulatedPrinterState, events: inout [Event]) -> Int? {
        let bytes = pending
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        let first = bytes[index]
        // Real-time commands are answered even while printing is stopped (paper out, cover open).
        if first == 0x10 {
            guard let second = byte(1), let n = byte(2) else { return nil }
            if second == 0x04 {
                if let reply = state.reply(to: n) { events.append(.reply(reply)) }
                return 3
            }
            return 1
        }
        // Everything else is dropped while the printer cannot print.
        let printing = !state.offline
        switch first {
        case 0x0A:
            if printing { printLine(state: &state, events: &events) } else { line = [] }
            return 1
        case 0x1B:
            guard let command = byte(1) else { return nil }
            switch command {
            case 0x40: resetModes(); return 2
            case 0x69, 0x6D:
                if printing { cut(events: &events) }
                return 2
            case 0x61, 0x45, 0x64, 0x4A, 0x21, 0x2D, 0x4D, 0x74, 0x52:
                guard let n = byte(2) else { return nil }
                switch command {
                case 0x61: alignment = min(n, 2)
                case 0x45: bold = n & 1 == 1
                case 0x64: if printing { advance(Int(n) * Self.lineDots, state: &state, events: &events) }
                case 0x4A: if printing { advance(Int(n), state: &state, events: &events) }
                default: break
                }
                return 3
            default: return 2
            }
        case 0x1C:
            guard let command = byte(1) else { return nil }
            switch command {
            case 0x26: chineseMode = true; return 2
            case 0x2E: chineseMode = false; return 2
            case 0x21: return byte(2) == nil ? nil : 3
            default: return 2
            }
        case 0x1D:
            guard let command = byte(1) else { return nil }
            switch command {
            case 0x21:
                guard let n = byte(2) else { return nil }
                widthScale = Int(n >> 4) + 1
                heightScale = Int(n & 0x0F) + 1
                return 3
            case 0x61:
                guard let n = byte(2) else { return nil }
                automaticStatusBack = n != 0
                if automaticStatusBack { events.append(.reply(state.automaticStatus)) }
                return 3
            case 0x68, 0x77, 0x48, 0x66, 0x72: return byte(2) == nil ? nil : 3
            case 0x56:
                guard let m = byte(2) else { return nil }
                let length = m >= 0x41 ? 4 : 3
                guard index + length <= bytes.count else { return nil }
                if printing {
                    if m >= 0x41 { advance(Int(byte(3)!), state: &state, events: &events) }
                    cut(events: &events)
                }
                return length
            case 0x65:
                guard let n = byte(2) else { return nil }
                if n == 0x03 { return byte(3) == nil ? nil : 4 }
                return 3
            case 0x76:
                // GS v 0 m xL xH yL yH data
                guard index + 8 <= bytes.count else { return nil }
                let bytesPerRow = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8
                let rows = Int(bytes[index + 6]) | Int(bytes[index + 7]) << 8
                let length = 8 + bytesPerRow * rows
                guard index + length <= bytes.count else { return nil }
                if printing {
                    drawRaster(Array(bytes[(index + 8)..<(index + length)]), bytesPerRow: bytesPerRow, rows: rows, state: &state, events: &events)
                }
                return length
            case 0x28:
                // GS ( k pL pH cn fn ...
                guard index + 5 <= bytes.count else { return nil }
                let parameterLength = Int(bytes[index + 3]) | Int(bytes[index + 4]) << 8
                let length = 5 + parameterLength
                guard index + length <= bytes.count else { return nil }
                if bytes[index + 2] == 0x6B, parameterLength >= 3, bytes[index + 5] == 0x31 {
                    let function = bytes[index + 6]
                    let parameters = Array(bytes[(index + 7)..<(index + length)])
                    switch function {
                    case 0x43: qrModuleSize = Int(parameters.first ?? 3)
                    case 0x50: qrData = Array(parameters.dropFirst())
                    case 0x51: if printing { drawQR(state: &state, events: &events) }
                    default: break
                    }
                }
                return length
            case 0x6B:
                // GS k m n data (function B): the barcode is drawn as its human-readable text.
                guard let m = byte(2) else { return nil }
                if m < 65 {
                    guard let end = bytes[(index + 3)...].firstIndex(of: 0) else { return nil }
                    return end - index + 1
                }
                guard let n = byte(3), index + 4 + Int(n) <= bytes.count else { return nil }
                if printing {
                    let data = bytes[(index + 4)..<(index + 4 + Int(n))].drop { $0 == 0x7B }.dropFirst()
                    line = Array("|| ".utf8) + data + Array(" ||".utf8)
                    printLine(state: &state, events: &events)
                }
                return 4 + Int(n)
            default: return 2
            }
        default:
            if first >= 0x20 {
                if printing { line.append(first) }
            }
            return 1
        }
    }

    private func resetModes() {
        alignment = 0
        bold = false
        widthScale = 1
        heightScale = 1
        chineseMode = false
        line = []
    }

    private func printLine(state: inout SimulatedPrinterState, events: inout [Event]) {
        defer { line = [] }
        let text: String
        if chineseMode {
            // A printer shows a cut-off or invalid character as a placeholder; so does the picture.
            text = SimulatedGB18030.decode(line) ?? String(decoding: line.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        } else {
            text = String(decoding: line.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        }
        let height = Self.lineDots * heightScale
        guard let font, !text.isEmpty else {
            advance(height, state: &state, events: &events)
            return
        }
        try? font.setPixelSize(Self.glyphDots * heightScale)
        // Font A's cell is 12 dots (24 for a Chinese character), times the width magnification.
        var rendered = font.render(text, cellWidth: Self.glyphDots / 2 * widthScale)
        if bold {
            var thicker = rendered
            thicker.draw(rendered, x: 1, y: 0)
            rendered = thicker
        }
        let top = cursorY
        guard advance(height, state: &state, events: &events) else { return }
        paper.draw(rendered, x: left(forWidth: rendered.width), y: top + (height - rendered.height) / 2)
    }

    private func drawRaster(_ data: [UInt8], bytesPerRow: Int, rows: Int, state: inout SimulatedPrinterState, events: inout [Event]) {
        var image = GreyscaleBitmap(width: max(1, bytesPerRow * 8), height: rows)
        for row in 0..<rows {
            for column in 0..<(bytesPerRow * 8) where data[row * bytesPerRow + column / 8] & (0x80 >> UInt8(column % 8)) != 0 {
                image[column, row] = GreyscaleBitmap.black
            }
        }
        let top = cursorY
        guard advance(rows, state: &state, events: &events) else { return }
        paper.draw(image, x: left(forWidth: image.width), y: top)
    }

    private func drawQR(state: inout SimulatedPrinterState, events: inout [Event]) {
        guard let matrix = try? QRCodeMatrix(encoding: qrData) else { return }
        let image = matrix.bitmap(moduleSize: max(1, qrModuleSize))
        let top = cursorY
        guard advance(image.height, state: &state, events: &events) else { return }
        paper.draw(image, x: left(forWidth: image.width), y: top)
    }

    private func left(forWidth width: Int) -> Int {
        switch alignment {
        case 1: max(0, (paper.width - width) / 2)
        case 2: max(0, paper.width - width)
        default: 0
        }
    }

    /// Moves the paper by `dots`, using up the roll. Returns false when the roll ran out first.
    @discardableResult
    private func advance(_ dots: Int, state: inout SimulatedPrinterState, events: inout [Event]) -> Bool {
        if let remaining = state.paperRemainingDots {
            guard remaining >= dots else {
                state.paperRemainingDots = 0
                state.paperOut = true
                events.append(.ranOutOfPaper)
                return false
            }
            state.paperRemainingDots = remaining - dots
        }
        cursorY += dots
        paper.grow(toHeight: cursorY)
        return true
    }

    private func cut(events: inout [Event]) {
        events.append(.cut)
    }

    /// Hands over the finished ticket and starts a new one.
    public func takeTicket() -> GreyscaleBitmap {
        let ticket = paper
        paper = GreyscaleBitmap(width: paper.width, height: 0)
        cursorY = 0
        return ticket
    }
}
