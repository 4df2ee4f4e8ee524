import Glibc
import Logging
import Testing
@testable import KioskLogging

/// journald reads one entry per line and the priority from a `<N>` prefix.
struct KioskLogHandlerTests {
    let now = timespec(tv_sec: 1_795_000_000, tv_nsec: 123_000_000)

    /// Should prefix the syslog priority for journald and leave the time to journald
    @Test func journaldLine() {
        let handler = KioskLogHandler(label: "kioskd", level: .info, style: .journald) { _ in }
        let line = handler.format(level: .warning, message: "Printer out of paper", metadata: ["device.path": "/dev/usb/lp0"], now: now)
        #expect(line == "<4>Printer out of paper device.path=/dev/usb/lp0")
    }

    /// Should keep one event on one line however many newlines the message holds
    @Test func escapesNewlines() {
        let handler = KioskLogHandler(label: "kioskd", level: .info, style: .journald) { _ in }
        let line = handler.format(level: .error, message: "first\nsecond\r\nthird", metadata: ["cause": "a\nb"], now: now)
        #expect(line == #"<3>first\nsecond\r\nthird cause=a\nb"#)
        #expect(!line.contains("\n"))
    }

    /// Should print time, level and label without colour codes when not on a terminal
    @Test func plainLineHasNoColour() {
        let handler = KioskLogHandler(label: "kioskd", level: .info, style: .plain) { _ in }
        let line = handler.format(level: .info, message: "ready", metadata: ["kiosk.id": "K-1", "note": "two words"], now: now)
        #expect(line == "2026-11-18T11:06:40.123Z info kioskd: ready kiosk.id=K-1 note=\"two words\"")
        #expect(!line.contains("\u{1B}"))
    }

    /// Should drop events below the configured level and write each kept event once, newline-terminated
    @Test func honoursLevel() {
        let lines = LineCollector()
        var logger = Logger(label: "kioskd") { label in
            KioskLogHandler(label: label, level: .notice, style: .journald, sink: lines.append)
        }
        logger.info("hidden")
        logger.notice("shown")
        logger[metadataKey: "kiosk.id"] = "K-1"
        logger.error("also shown")
        #expect(lines.all == ["<5>shown\n", "<3>also shown kiosk.id=K-1\n"])
    }

    /// Should recognise journald only when stderr is the very stream systemd named
    @Test func journalStreamMustMatchStandardError() {
        #expect(!KioskLogHandler.Style.standardErrorIs(journalStream: "garbage"))
        #expect(!KioskLogHandler.Style.standardErrorIs(journalStream: "1:1"))
        var info = stat()
        fstat(STDERR_FILENO, &info)
        #expect(KioskLogHandler.Style.standardErrorIs(journalStream: "\(info.st_dev):\(info.st_ino)"))
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLockLike()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}

/// A pthread mutex, to keep this test target free of Foundation.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
