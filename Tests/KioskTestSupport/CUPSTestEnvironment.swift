import Foundation

/// A real IPP Everywhere printer (ippeveprinter) and a private cupsd with one raw queue in front of
/// it, on loopback, with a private D-Bus (ippeveprinter will not start without one), as
/// docs/protocols/escpos.md describes. Everything lives in one temporary directory and dies with the value.
///
/// The printer runs `printer-command.sh` for each job: it keeps the job, and a file named
/// `paper-out` or `cover-open` in the directory makes it report that state (STATE: lines on
/// stderr) and fail the job; a file named `slow` makes each job take 20 s.
public final class CUPSTestEnvironment: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let printerPort: Int
    public let queue = "ticket"
    public var cupsSocket: String { directory.file("cups.sock") }
    public var spool: String { directory.file("spool") }
    /// The printer directly, for printer-side tests.
    public var printerURI: String { "ipp://localhost:\(printerPort)/ipp/print" }
    public private(set) var printer: ChildProcess?
    public private(set) var cupsd: ChildProcess?
    private var bus: ChildProcess?

    static let binaries = ["/usr/sbin/cupsd", "/usr/sbin/ippeveprinter", "/usr/sbin/lpadmin", "/usr/bin/dbus-daemon"]

    /// True when the CUPS and D-Bus programs are installed (`make test` installs them).
    public static var available: Bool { binaries.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } }

    public init() async throws {
        directory = try TemporaryDirectory("kioskd-cups")
        printerPort = try FreePort.pick()
        for name in ["spool", "cache", "state", "log", "requests"] {
            try FileManager.default.createDirectory(atPath: directory.file(name), withIntermediateDirectories: true)
        }
        let script = try directory.write("printer-command.sh", """
            #!/bin/sh
            # ippeveprinter passes the job file; reading it all is "printing".
            cat "$1" > /dev/null
            here="\(directory.path)"
            if [ -f "$here/slow" ]; then sleep 20; fi
            if [ -f "$here/cover-open" ]; then echo "STATE: +cover-open" >&2; exit 1; fi
            echo "STATE: -cover-open" >&2
            if [ -f "$here/paper-out" ]; then echo "STATE: +media-empty,media-needed" >&2; exit 1; fi
            echo "STATE: -media-empty,media-needed" >&2
            exit 0
            """)
        chmod(script, 0o755)

        let busAddress = "unix:path=\(directory.file("bus"))"
        bus = try ChildProcess("/usr/bin/dbus-daemon", ["--session", "--nofork", "--address=\(busAddress)"], outputDirectory: directory.path)
        try await Self.waitForFile(directory.file("bus"), what: "dbus-daemon", log: { [bus] in bus?.standardError ?? "" })
        try startPrinter(busAddress: busAddress, script: script)

        try directory.write("cupsd.conf", """
            Listen \(cupsSocket)
            Browsing No
            WebInterface No
            LogLevel debug
            DefaultAuthType None
            <Location />
              Order allow,deny
              Allow all
            </Location>
            """)
        try directory.write("cups-files.conf", """
            ServerRoot \(directory.path)
            RequestRoot \(directory.file("requests"))
            TempDir \(directory.file("requests"))
            CacheDir \(directory.file("cache"))
            StateDir \(directory.file("state"))
            ErrorLog \(directory.file("log/error_log"))
            AccessLog \(directory.file("log/access_log"))
            PageLog \(directory.file("log/page_log"))
            """)
        cupsd = try ChildProcess("/usr/sbin/cupsd", ["-f", "-c", directory.file("cupsd.conf"), "-s", directory.file("cups-files.conf")], outputDirectory: directory.path)
        try await Self.waitForFile(cupsSocket, what: "cupsd", log: { [directory] in (try? String(contentsOfFile: directory.file("log/error_log"), encoding: .utf8)) ?? "" })
        try await Self.waitForPort(printerPort, what: "ippeveprinter", log: { [printer] in printer?.standardError ?? "" })
        // A raw queue (no -m) in front of the printer; a dead printer aborts the job instead of
        // stopping the queue, as on a kiosk.
        let added = try await runToCompletion("/usr/sbin/lpadmin", ["-h", cupsSocket, "-p", queue, "-E", "-v", printerURI, "-o", "printer-error-policy=abort-job"], in: directory.path)
        guard added.status == 0 else { throw SetupError(description: "lpadmin failed: \(added.standardError)") }
    }

    private func startPrinter(busAddress: String, script: String) throws {
        printer = try ChildProcess("/usr/sbin/ippeveprinter", [
            "-n", "localhost", "-p", String(printerPort), "-r", "off", "-d", spool, "-k", "-c", script,
            "-f", "application/vnd.cups-raw,image/png,application/pdf", "kioskd-test-printer",
        ], environment: ["DBUS_SYSTEM_BUS_ADDRESS": busAddress], outputDirectory: directory.path)
    }

    /// Kills the printer (SIGKILL), as a power cut would.
    public func killPrinter() async {
        printer?.signal(SIGKILL)
        _ = await printer?.waitForExit(timeout: .seconds(10))
    }

    /// Kills cupsd (SIGKILL).
    public func killScheduler() async {
        cupsd?.signal(SIGKILL)
        _ = await cupsd?.waitForExit(timeout: .seconds(10))
    }

    /// Makes the printer report paper out (or back) from its next job on.
    public func setPaperOut(_ out: Bool) throws { try setFlag("paper-out", out) }
    public func setCoverOpen(_ open: Bool) throws { try setFlag("cover-open", open) }
    /// Makes each job take 20 s, as a printer that stopped feeding would.
    public func setSlow(_ slow: Bool) throws { try setFlag("slow", slow) }

    private func setFlag(_ name: String, _ on: Bool) throws {
        if on { try directory.write(name, "") } else { try? FileManager.default.removeItem(atPath: directory.file(name)) }
    }

    /// The job files the printer kept (not its command's output), oldest first.
    public func spooledDocuments() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: spool).filter { !$0.hasSuffix(".prn") }.sorted()
        return try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: spool + "/" + $0))) }
    }

    public struct SetupError: Error, CustomStringConvertible { public var description: String }

    /// The last lines cupsd (at debug level, with its backend's lines) and the printer logged, for a
    /// failing test's message: a job that cupsd cancels or aborts is explained there and nowhere else.
    public var logs: String {
        func tail(_ text: String) -> String { text.split(separator: "\n").suffix(120).joined(separator: "\n") }
        let scheduler = (try? String(contentsOfFile: directory.file("log/error_log"), encoding: .utf8)) ?? ""
        return "cupsd error_log (end):\n\(tail(scheduler))\nippeveprinter stderr (end):\n\(tail(printer?.standardError ?? ""))"
    }

    /// Runs `body`; an error it throws comes back with `logs` appended.
    public func explainingFailures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw SetupError(description: "\(error)\n\(logs)")
        }
    }

    /// Waits (bounded, for hang detection only) for a socket file to appear.
    public static func waitForFile(_ path: String, what: String, log: () -> String) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: path) {
            guard ContinuousClock.now < deadline else { throw SetupError(description: "\(what) did not start; its log:\n\(log())") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    public static func waitForPort(_ port: Int, what: String, log: () -> String) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !FreePort.accepts(port) {
            guard ContinuousClock.now < deadline else { throw SetupError(description: "\(what) did not listen on \(port); its log:\n\(log())") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
