#if canImport(Glibc)
import Glibc
#endif
import Logging

/// A swift-log handler that writes one line per event to standard error, in the form the reader
/// of that stream wants:
/// - journald (systemd sets JOURNAL_STREAM): `<4>message key=value`; the `<N>` prefix is the
///   syslog priority that journald strips and stores, and journald adds the time itself.
/// - a terminal: time, coloured level, label, message.
/// - anything else (a file, a pipe): ISO time, level, label, message; no colour.
public struct KioskLogHandler: LogHandler {
    public enum Style: Sendable, Equatable {
        case journald, terminal, plain
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let style: Style
    private let sink: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level, style: Style = .detect(), sink: @escaping @Sendable (String) -> Void = KioskLogHandler.writeToStandardError) {
        self.label = label
        self.logLevel = level
        self.style = style
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        sink(format(level: event.level, message: event.message.description, metadata: merged, now: timespec.now()) + "\n")
    }

    /// One line, without the trailing newline. Internal newlines are escaped so that one event
    /// never spans two journal entries.
    func format(level: Logger.Level, message: String, metadata: Logger.Metadata, now: timespec) -> String {
        var line = ""
        switch style {
        case .journald:
            line = "<\(Self.syslogPriority(level))>"
        case .terminal:
            line = "\(Self.clockTime(now)) \(Self.colour(level))\(Self.levelName(level))\u{1B}[0m \(label): "
        case .plain:
            line = "\(Self.isoTime(now)) \(Self.levelName(level)) \(label): "
        }
        line += Self.escape(message)
        for key in metadata.keys.sorted() {
            line += " \(key)=\(Self.quoteIfNeeded(Self.escape(metadata[key]!.description)))"
        }
        return line
    }

    public static func writeToStandardError(_ line: String) {
        var bytes = Array(line.utf8)
        // One write per event so lines from different threads do not interleave.
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    private static func colour(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "\u{1B}[2m"
        case .info: "\u{1B}[32m"
        case .notice: "\u{1B}[36m"
        case .warning: "\u{1B}[33m"
        case .error, .critical: "\u{1B}[1;31m"
        }
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\u{1B}" }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\r\n": escaped += "\\r\\n"
            case "\u{1B}": escaped += "\\e"
            default:
                if character.isNewline { escaped += " " } else { escaped.append(character) }
            }
        }
        return escaped
    }

    private static func quoteIfNeeded(_ value: String) -> String {
        value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) ? "\"\(value.replacingQuotes())\"" : value
    }

    private static func clockTime(_ now: timespec) -> String {
        var seconds = now.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        return "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)).\(pad(Int32(now.tv_nsec / 1_000_000), width: 3))"
    }

    private static func isoTime(_ now: timespec) -> String {
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)).\(pad(Int32(now.tv_nsec / 1_000_000), width: 3))Z"
    }

    private static func pad(_ value: Int32, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension KioskLogHandler.Style {
    /// journald when systemd connected stderr to the journal, terminal on a tty, plain otherwise.
    public static func detect() -> Self {
        if let stream = getenv("JOURNAL_STREAM"), standardErrorIs(journalStream: String(cString: stream)) {
            return .journald
        }
        return isatty(STDERR_FILENO) == 1 ? .terminal : .plain
    }

    /// systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the stream it connected; a child whose
    /// stderr was redirected elsewhere inherits the variable, so compare it with stderr itself.
    static func standardErrorIs(journalStream: String) -> Bool {
        let parts = journalStream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}

extension timespec {
    static func now() -> timespec {
        var value = timespec()
        clock_gettime(CLOCK_REALTIME, &value)
        return value
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\"" { result += "\\\"" } else { result.append(character) }
        }
        return result
    }
}
