/// One printer's state, from whichever status the connection can read (DLE EOT bytes, the kiosk
/// printers' full status, or CUPS printer-state-reasons), with the raw evidence kept for diagnostics.
public struct PrinterStatus: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Ordered by how much it matters to the citizen: a printer that is both out of paper and has
    /// its cover open is reported as cover open (close it first, then refill).
    public enum Condition: String, Sendable, Equatable, Codable, CaseIterable {
        case ready
        case paperNearEnd = "paper near end"
        case paperOut = "paper out"
        case coverOpen = "cover open"
        case cutterError = "cutter error"
        case offline
        case unknown

        /// Whether a ticket can be printed now. Near end still prints.
        public var canPrint: Bool { self == .ready || self == .paperNearEnd }

        /// What a technician should do, in English.
        public var advice: String {
            switch self {
            case .ready: "nothing to do"
            case .paperNearEnd: "load a new paper roll soon"
            case .paperOut: "load a paper roll and close the cover"
            case .coverOpen: "close the printer cover"
            case .cutterError: "open the cover, clear the paper from the cutter, close it; power-cycle the printer if it stays"
            case .offline: "check the printer's power and cable"
            case .unknown: "the printer does not answer status requests; check its power, cable and configuration"
            }
        }

        /// What the citizen sees on the screen, in Simplified Chinese.
        public var citizenMessage: String {
            switch self {
            case .ready, .paperNearEnd: "打印机正常"
            case .paperOut: "打印纸已用完，请联系工作人员"
            case .coverOpen, .cutterError, .offline, .unknown: "打印机暂时无法使用，请联系工作人员"
            }
        }
    }

    public var condition: Condition
    /// The bytes or reasons the condition was derived from, e.g. "DLE EOT 1..4: 16 12 12 12" or
    /// "printer-state 5, reasons media-empty".
    public var raw: String

    public init(condition: Condition, raw: String) {
        self.condition = condition
        self.raw = raw
    }

    public static let unknown = PrinterStatus(condition: .unknown, raw: "no status read")

    public var description: String { "\(condition.rawValue) (\(raw))" }
}
