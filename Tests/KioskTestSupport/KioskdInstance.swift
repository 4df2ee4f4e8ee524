import ControlProtocol
import Foundation

/// A real kioskd process with its own configuration and state directory, started the way systemd
/// starts it (NOTIFY_SOCKET set), and ready when it said READY=1.
public final class KioskdInstance: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let configPath: String
    public let socketPath: String
    public let stateDirectory: String
    public let notify: NotifySocketListener
    public let process: ChildProcess

    public var journalPath: String { stateDirectory + "/journal.sqlite" }

    /// - Parameters:
    ///   - extraConfig: TOML lines appended to the generated configuration.
    ///   - environment: added to kioskd's environment (e.g. WATCHDOG_USEC).
    ///   - extraConfig: TOML lines appended to the generated configuration (e.g. a `[sync]` table
    ///     from `HallInstance.syncTable`).
    ///   - hallURL: the hall to sync with.
    public init(kioskID: String = "K-TEST", technicianGroup: String = "kiosk-tech", extraConfig: String = "", environment: [String: String] = [:], directory: TemporaryDirectory? = nil, hallURL: String = "https://127.0.0.1:8443") async throws {
        self.directory = try directory ?? TemporaryDirectory()
        stateDirectory = self.directory.file("state")
        socketPath = self.directory.file("control.sock")
        configPath = try self.directory.write("kioskd.toml", """
            kiosk_id = "\(kioskID)"
            hall_url = "\(hallURL)"
            state_directory = "state"
            control_socket = "control.sock"
            technician_group = "\(technicianGroup)"
            log_level = "debug"
            \(extraConfig)
            """)
        notify = try NotifySocketListener(path: self.directory.file("notify.sock"))
        var environment = environment
        environment["NOTIFY_SOCKET"] = notify.path
        process = try ChildProcess(BuiltExecutable.path("kioskd"), ["--config", configPath], environment: environment, outputDirectory: self.directory.path)
        guard await notify.waitFor("READY=1", timeout: .seconds(60)) != nil else {
            process.signal(SIGKILL)
            throw StartFailure(log: process.standardError)
        }
    }

    public struct StartFailure: Error, CustomStringConvertible {
        public var log: String
        public var description: String { "kioskd did not report READY=1; its log:\n\(log)" }
    }

    public var client: ControlClient { ControlClient(socketPath: socketPath) }

    /// Runs kioskctl against this instance, as root or as `user` (needs root).
    public func kioskctl(_ arguments: [String], asUser user: String? = nil) async throws -> (status: Int32, standardOutput: String, standardError: String) {
        var kioskctl = BuiltExecutable.path("kioskctl")
        let full = arguments + ["--socket", socketPath]
        if let user {
            // The build directory may sit under a directory other users cannot enter (a CI
            // clone in a 0700 temp directory): run a copy from this world-readable one.
            let copy = directory.file("kioskctl")
            if !FileManager.default.fileExists(atPath: copy) {
                try FileManager.default.copyItem(atPath: kioskctl, toPath: copy)
            }
            kioskctl = copy
            // A child another test forks while the copy is being written inherits the copy's
            // descriptor until it execs; exec'ing the copy meanwhile fails with ETXTBSY. Retry.
            var attempt = 1
            while true {
                let result = try await runToCompletion("/usr/bin/setpriv", ["--reuid=\(user)", "--regid=\(user == "nobody" ? "nogroup" : user)", "--clear-groups", kioskctl] + full, in: directory.path)
                guard result.status == 126, result.standardError.contains("Text file busy"), attempt < 10 else { return result }
                attempt += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return try await runToCompletion(kioskctl, full, in: directory.path)
    }

    /// SIGTERM, then the exit status (nil if kioskd was still running after `timeout`; kioskd
    /// stops in milliseconds, but a loaded CI machine can hold it up for seconds).
    public func stop(timeout: Duration = .seconds(10)) async -> Int32? {
        process.signal(SIGTERM)
        return await process.waitForExit(timeout: timeout)
    }
}

extension KioskdInstance {
    /// The panel pixel (x, y) of the XRGB8888 frame file `fb` in the instance's directory, a
    /// frame `width` pixels wide, as 0xRRGGBB; 0xDEAD while the file is not there (yet).
    public func framePixel(x: Int, y: Int, width: Int) -> UInt32 {
        guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: directory.file("fb"))), bytes.count >= (y * width + x + 1) * 4 else {
            return 0xDEAD
        }
        let offset = (y * width + x) * 4
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
    }
}
