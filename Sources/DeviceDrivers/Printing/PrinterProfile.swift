/// What one printer model can do, from the configuration: the encoder and the document renderer
/// choose commands from it (a cheap 58 mm printer has no full cut and often no QR in firmware).
public struct PrinterProfile: Sendable, Equatable, Codable {
    public enum Cutter: String, Sendable, Equatable, Codable, CaseIterable {
        /// Full and partial cuts (GS V 0 / GS V 1).
        case full
        /// Partial cut only; cheap 58 mm mechanisms.
        case partial
        /// Tear-off bar: feed so the citizen can tear the paper.
        case none
    }

    /// Printable width at 203 dpi: 384 for 58 mm paper, 576 for 80 mm. A multiple of 8.
    public var paperWidthDots: Int
    /// The printer prints GB18030 text itself (FS &). Without it every text is sent as a raster image.
    public var chineseFontROM: Bool
    /// The printer draws QR codes itself (GS ( k). Without it QR codes are sent as raster images.
    public var hardwareQR: Bool
    public var cutter: Cutter
    /// A kiosk presenter (Custom VKP80 family): the ticket is presented, then ejected or retracted.
    public var presenter: Bool

    public init(paperWidthDots: Int = 576, chineseFontROM: Bool = true, hardwareQR: Bool = true, cutter: Cutter = .full, presenter: Bool = false) {
        self.paperWidthDots = paperWidthDots
        self.chineseFontROM = chineseFontROM
        self.hardwareQR = hardwareQR
        self.cutter = cutter
        self.presenter = presenter
    }

    /// An 80 mm printer with a Chinese font ROM, hardware QR and a full cutter: the common kiosk case.
    public static let standard80mm = PrinterProfile()
}

extension PrinterProfile: CustomStringConvertible {
    /// "576 dots, Chinese font ROM, hardware QR, full cutter", for kioskctl and logs.
    public var description: String {
        "\(paperWidthDots) dots, \(chineseFontROM ? "Chinese font ROM" : "no font ROM (text as images)"), \(hardwareQR ? "hardware QR" : "QR as raster"), \(cutter.rawValue) cutter\(presenter ? ", presenter" : "")"
    }
}
