import Foundation

/// The control socket's wire format: one JSON object per line each way, one request per
/// connection (`ControlRequest`, in ControlCommand.swift). kioskd serves it; kioskctl and the
/// tests are its clients.
public struct ControlResponse: Codable, Sendable, Equatable {
    public var ok: Bool
    public var error: ControlFailure?
    public var status: DaemonStatus?
    /// The answer to "card.status".
    public var cardReader: CardReaderStatus?
    /// Answers printer-status and printer-test.
    public var printers: [PrinterReport]?
    /// The answer to "sync.status" and "sync.now".
    public var sync: SyncStatus?
    /// The answer to the "screen.*" commands.
    public var screen: ScreenReport?
    /// "logs": the daemon's recent log lines, oldest first.
    public var logs: [String]?
    /// "journal.stats".
    public var journalStats: JournalStats?
    /// "journal.export": events, oldest first.
    public var events: [ExportedEvent]?
    /// "maintenance": whether the kiosk is out of service now.
    public var outOfService: Bool?

    public init(ok: Bool, error: ControlFailure? = nil, status: DaemonStatus? = nil, cardReader: CardReaderStatus? = nil, printers: [PrinterReport]? = nil, sync: SyncStatus? = nil, screen: ScreenReport? = nil,
                logs: [String]? = nil, journalStats: JournalStats? = nil, events: [ExportedEvent]? = nil, outOfService: Bool? = nil) {
        self.ok = ok
        self.logs = logs
        self.journalStats = journalStats
        self.events = events
        self.outOfService = outOfService
        self.error = error
        self.status = status
        self.cardReader = cardReader
        self.printers = printers
        self.sync = sync
        self.screen = screen
    }

    public static func failure(_ code: ControlFailure.Code, _ message: String) -> ControlResponse {
        ControlResponse(ok: false, error: ControlFailure(code: code, message: message))
    }
}

/// Why the daemon did not do what was asked.
public struct ControlFailure: Codable, Sendable, Equatable, Error {
    public enum Code: String, Codable, Sendable {
        /// The peer is not root, kioskd's own user, or in the technician group.
        case forbidden
        /// The request was not one JSON object on one line, or was too long.
        case badRequest = "bad_request"
        case unknownCommand = "unknown_command"
        /// The request speaks another version of the wire format (`ControlWire.version`).
        case unsupportedVersion = "unsupported_version"
        /// The command is for a device this kiosk has not configured.
        case notConfigured = "not_configured"
        /// A device command failed on the device (paper out, not connected, …); the message says why.
        case deviceFailed = "device_failed"
        case internalError = "internal_error"
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}

/// What `kioskctl status` shows.
public struct DaemonStatus: Codable, Sendable, Equatable {
    public var version: String
    public var kioskID: String
    public var configPath: String
    public var pid: Int32
    public var startedAt: Date
    public var uptimeSeconds: Int
    public var journal: JournalSummary
    /// Configured devices; empty until the device issues land.
    public var devices: [DeviceSummary]
    public var platform: PlatformSummary

    public init(version: String, kioskID: String, configPath: String, pid: Int32, startedAt: Date, uptimeSeconds: Int, journal: JournalSummary, devices: [DeviceSummary], platform: PlatformSummary) {
        self.version = version
        self.kioskID = kioskID
        self.configPath = configPath
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.journal = journal
        self.devices = devices
        self.platform = platform
    }
}

public struct JournalSummary: Codable, Sendable, Equatable {
    public var path: String
    public var total: Int
    public var unsynced: Int
    /// Age of the oldest event the hall has not acknowledged; nil when nothing waits.
    public var oldestUnsyncedAgeSeconds: Int?
    public var lastSequence: Int64

    public init(path: String, total: Int, unsynced: Int, oldestUnsyncedAgeSeconds: Int?, lastSequence: Int64) {
        self.path = path
        self.total = total
        self.unsynced = unsynced
        self.oldestUnsyncedAgeSeconds = oldestUnsyncedAgeSeconds
        self.lastSequence = lastSequence
    }
}

public struct DeviceSummary: Codable, Sendable, Equatable {
    public var name: String
    public var kind: String
    public var path: String
    public var state: String
    public var lastError: String?
    /// What the device is, as far as kioskd can tell ("SAM 05.01-…", "576 dots, font ROM").
    public var model: String?
    public var lastErrorAt: Date?
    /// Counters since kioskd started ("cards read", "printed", "frames", …).
    public var counters: [String: Int]?

    public init(name: String, kind: String, path: String, state: String, lastError: String?, model: String? = nil, lastErrorAt: Date? = nil, counters: [String: Int]? = nil) {
        self.name = name
        self.kind = kind
        self.path = path
        self.state = state
        self.lastError = lastError
        self.model = model
        self.lastErrorAt = lastErrorAt
        self.counters = counters
    }
}

/// The C libraries kioskd drives devices through, as found at start-up.
public struct PlatformSummary: Codable, Sendable, Equatable {
    public var libusbVersion: String
    /// Devices libusb saw on the USB buses at start-up; nil when libusb could not start.
    public var usbDeviceCount: Int?
    public var cupsServer: String
    public var cupsReachable: Bool
    public var freetypeVersion: String

    public init(libusbVersion: String, usbDeviceCount: Int?, cupsServer: String, cupsReachable: Bool, freetypeVersion: String) {
        self.libusbVersion = libusbVersion
        self.usbDeviceCount = usbDeviceCount
        self.cupsServer = cupsServer
        self.cupsReachable = cupsReachable
        self.freetypeVersion = freetypeVersion
    }
}

/// JSON settings shared by both ends.
public enum ControlCoding {
    /// The longest request line kioskd accepts, newline included.
    public static let maximumLineLength = 64 * 1024
    /// The longest answer kioskctl accepts: a screenshot of a 1080x1920 screen as PNG in base64
    /// fits many times over.
    public static let maximumAnswerLength = 32 * 1024 * 1024

    public static func encodeLine(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    public static func decode<T: Decodable>(_ type: T.Type, from line: some Collection<UInt8>) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(line))
    }
}

/// `kioskctl journal stats`.
public struct JournalStats: Codable, Sendable, Equatable {
    public var path: String
    public var total: Int
    public var unsynced: Int
    public var lastSequence: Int64
    public var sizeBytes: Int64
    public var since: Date
    /// Events since `since`, by kind.
    public var byKind: [String: Int]

    public init(path: String, total: Int, unsynced: Int, lastSequence: Int64, sizeBytes: Int64, since: Date, byKind: [String: Int]) {
        self.path = path
        self.total = total
        self.unsynced = unsynced
        self.lastSequence = lastSequence
        self.sizeBytes = sizeBytes
        self.since = since
        self.byKind = byKind
    }
}

/// One journal event as `kioskctl journal export` prints it (payloads hold no personal data in
/// the clear: masked forms, keyed hashes, sealed phone numbers).
public struct ExportedEvent: Codable, Sendable, Equatable {
    public var sequence: Int64
    public var id: String
    public var kind: String
    public var occurredAt: Date
    public var payload: String
    public var synced: Bool

    public init(sequence: Int64, id: String, kind: String, occurredAt: Date, payload: String, synced: Bool) {
        self.sequence = sequence
        self.id = id
        self.kind = kind
        self.occurredAt = occurredAt
        self.payload = payload
        self.synced = synced
    }
}
