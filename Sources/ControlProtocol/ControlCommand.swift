import Foundation

/// Every command kioskd's control socket takes, with its arguments as typed values: what
/// kioskctl sends, and what the hall's remote commands will send through the same dispatch.
/// On the wire each is an object named by its case, `{"maintenance":{"on":true,"reason":"…"}}`
/// (Swift's Codable form for enums); a missing optional argument takes kioskd's default.
public enum ControlCommand: Codable, Sendable, Equatable {
    /// `kioskctl status`.
    case status
    /// `kioskctl card status`.
    case cardStatus
    /// One printer's status by name, or every printer's.
    case printerStatus(printer: String?)
    /// A test page ("ticket", the default, or "receipt") on a printer, or the first.
    case printerTest(printer: String?, page: String?)
    /// The screen's state; with `screenshot`, the frame as PNG.
    case screenStatus(screenshot: Bool)
    /// The test pattern for `seconds` (1…600, default 1).
    case screenTestPattern(seconds: Int?)
    /// Touches drawn and answered for `seconds` (1…600).
    case screenTouchTest(seconds: Int?)
    /// The five-target calibration within `seconds` (10…300).
    case screenCalibrate(seconds: Int?)
    case syncStatus
    /// A sync round now, answered when it ends.
    case syncNow
    /// The daemon's last `lines` log lines (1…1000, default 100).
    case logs(lines: Int?)
    /// Counts by kind since then (default: the last 24 h).
    case journalStats(since: Date?)
    /// Events since then (default: the last 24 h), at most `limit` (1…20000).
    case journalExport(since: Date?, limit: Int?)
    /// Out of service (the screen sends citizens elsewhere) or back, with a reason for the journal.
    case maintenance(on: Bool, reason: String)

    /// Every command's name, as on the wire.
    public static let names = ["status", "cardStatus", "printerStatus", "printerTest", "screenStatus", "screenTestPattern", "screenTouchTest", "screenCalibrate",
                               "syncStatus", "syncNow", "logs", "journalStats", "journalExport", "maintenance"]

    /// The command's name in logs and messages ("journalExport"), as on the wire.
    public var name: String {
        switch self {
        case .status: "status"
        case .cardStatus: "cardStatus"
        case .printerStatus: "printerStatus"
        case .printerTest: "printerTest"
        case .screenStatus: "screenStatus"
        case .screenTestPattern: "screenTestPattern"
        case .screenTouchTest: "screenTouchTest"
        case .screenCalibrate: "screenCalibrate"
        case .syncStatus: "syncStatus"
        case .syncNow: "syncNow"
        case .logs: "logs"
        case .journalStats: "journalStats"
        case .journalExport: "journalExport"
        case .maintenance: "maintenance"
        }
    }
}

/// The version of the control socket's wire format. Every request names the version it speaks;
/// kioskd answers another one with `unsupported_version`, naming both, instead of guessing.
/// Version 1 was `{"command": "name", "arguments": {"key": "text"}}`.
public enum ControlWire {
    public static let version = 2
}

/// One request: the wire version and the command.
public struct ControlRequest: Codable, Sendable, Equatable {
    public var version: Int
    public var command: ControlCommand

    public init(_ command: ControlCommand, version: Int = ControlWire.version) {
        self.version = version
        self.command = command
    }

    public static let status = ControlRequest(.status)
    public static let cardStatus = ControlRequest(.cardStatus)
    public static let syncStatus = ControlRequest(.syncStatus)
    public static let syncNow = ControlRequest(.syncNow)
}

/// The part of a request read first: its version alone, so that a request of another version
/// is told so rather than "malformed".
public struct ControlRequestVersion: Decodable, Sendable {
    public var version: Int?
}
