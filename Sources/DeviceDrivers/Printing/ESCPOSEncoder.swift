/// Builds an ESC/POS command stream. Each method appends the bytes of one command, exactly as
/// docs/protocols/escpos.md lists them; nothing is sent anywhere.
///
/// Text goes out as GB18030 inside Chinese mode (FS &): printers with a Chinese font ROM read
/// bytes >= 0x81 as the first byte of a two-byte (or four-byte) character there.
public struct ESCPOSEncoder: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public enum Alignment: UInt8, Sendable { case left = 0, centre = 1, right = 2 }

    public enum CutKind: Sendable, Equatable {
        case full
        case partial
        /// Feed `lines` (in motion units, usually lines of 1/6 inch… the printer decides) and cut partially: GS V 66 n.
        case feedAndPartial(lines: UInt8)
    }

    /// ESC @: resets modes and the code page.
    public mutating func initialize() { bytes += [0x1B, 0x40] }

    /// ESC a n. Printers only honour it at the start of a line.
    public mutating func align(_ alignment: Alignment) { bytes += [0x1B, 0x61, alignment.rawValue] }

    /// ESC E 1 / ESC E 0.
    public mutating func bold(_ on: Bool) { bytes += [0x1B, 0x45, on ? 1 : 0] }

    /// GS ! n with n = ((width-1) << 4) | (height-1); width and height are magnifications 1...8.
    public mutating func characterSize(width: Int, height: Int) {
        precondition((1...8).contains(width) && (1...8).contains(height), "character magnification is 1...8")
        bytes += [0x1D, 0x21, UInt8((width - 1) << 4 | (height - 1))]
    }

    /// ESC d n.
    public mutating func feed(lines: UInt8) { bytes += [0x1B, 0x64, lines] }

    /// FS & (on) / FS . (off).
    public mutating func chineseMode(_ on: Bool) { bytes += on ? [0x1C, 0x26] : [0x1C, 0x2E] }

    /// FS ! n: bit 2 double width, bit 3 double height, bit 7 underline.
    public mutating func chinesePrintMode(doubleWidth: Bool = false, doubleHeight: Bool = false, underline: Bool = false) {
        var mode: UInt8 = 0
        if doubleWidth { mode |= 0x04 }
        if doubleHeight { mode |= 0x08 }
        if underline { mode |= 0x80 }
        bytes += [0x1C, 0x21, mode]
    }

    /// Appends `text` in GB18030, then LF when `newline`. The caller turns Chinese mode on first
    /// (`chineseMode(true)`); ASCII prints the same in either mode.
    /// - Throws: `PrintEncodingError.unencodable` for text GB18030 cannot carry (unpaired surrogates
    ///   cannot occur in a Swift string, so in practice never; iconv's failure is still reported).
    public mutating func text(_ text: String, newline: Bool = true) throws(PrintEncodingError) {
        bytes += try GB18030.encode(text)
        if newline { bytes.append(0x0A) }
    }

    /// LF.
    public mutating func newline() { bytes.append(0x0A) }

    /// GS V 0 (full), GS V 1 (partial), GS V 66 n (feed and partial cut).
    public mutating func cut(_ kind: CutKind) {
        switch kind {
        case .full: bytes += [0x1D, 0x56, 0x00]
        case .partial: bytes += [0x1D, 0x56, 0x01]
        case .feedAndPartial(let lines): bytes += [0x1D, 0x56, 0x42, lines]
        }
    }

    /// Kiosk presenter (Custom VKP80 family), GS e 3 0: move the cut ticket into the mouth.
    public mutating func present() { bytes += [0x1D, 0x65, 0x03, 0x00] }
    /// GS e 5: push the ticket out to the citizen.
    public mutating func eject() { bytes += [0x1D, 0x65, 0x05] }
    /// GS e 2: pull a ticket nobody took back into the bin.
    public mutating func retract() { bytes += [0x1D, 0x65, 0x02] }
    /// ESC i: the VKP80's own cut command.
    public mutating func presenterCut() { bytes += [0x1B, 0x69] }

    /// GS a n: automatic status back. `enable` asks for drawer, online, error and paper changes (n = 0x0F).
    public mutating func automaticStatusBack(_ enable: Bool) { bytes += [0x1D, 0x61, enable ? 0x0F : 0x00] }

    /// DLE EOT n, real-time status request.
    public mutating func requestStatus(_ kind: RealTimeStatusKind) { bytes += [0x10, 0x04, kind.rawValue] }

    /// Appends bytes produced elsewhere.
    public mutating func append(_ raw: [UInt8]) { bytes += raw }
}

/// What a document or a text cannot be encoded as.
public enum PrintEncodingError: Error, Equatable, CustomStringConvertible {
    case unencodable(String)
    case dataTooLong(what: String, length: Int, limit: Int)
    case invalidBarcode(String)
    /// The font for raster text (printers without a font ROM) cannot be opened.
    case fontUnavailable(String)

    public var description: String {
        switch self {
        case .unencodable(let text): "The text '\(text.prefix(40))' cannot be encoded in GB18030."
        case let .dataTooLong(what, length, limit): "The \(what) is \(length) bytes long; at most \(limit) fit."
        case .invalidBarcode(let reason): "Cannot print the barcode: \(reason)."
        case .fontUnavailable(let path): "Cannot draw text for a printer without a Chinese font ROM: the font '\(path)' cannot be opened; install fonts-noto-cjk."
        }
    }
}
