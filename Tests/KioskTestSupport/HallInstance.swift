import Foundation

/// A real kiosk-hall process with its own state directory, listening on a loopback port that
/// stays the same across restarts (so that a kiosk's hall_url keeps working).
public final class HallInstance: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let stateDirectory: String
    /// Picked free at creation; picked again if another test took it before the first start.
    public private(set) var port: Int
    public private(set) var process: ChildProcess?
    let extraArguments: [String]
    /// `--database` and its password file, for `enroll` as well as `serve`.
    let databaseArguments: [String]
    let environment: [String: String]

    public var url: String { "https://127.0.0.1:\(port)" }
    public var databasePath: String { stateDirectory + "/hall.sqlite" }

    /// Prepares the state directory; `start()` runs the server.
    public init(directory: TemporaryDirectory? = nil, extraArguments: [String] = [], databaseArguments: [String] = [], environment: [String: String] = [:]) throws {
        self.directory = try directory ?? TemporaryDirectory("kiosk-hall-test")
        stateDirectory = self.directory.file("hall-state")
        port = try FreePort.pick()
        self.extraArguments = extraArguments
        self.databaseArguments = databaseArguments
        self.environment = environment
    }

    /// Issues credentials for `kioskID` into `<directory>/<kioskID>/` and returns that folder.
    @discardableResult
    public func enroll(_ kioskID: String) async throws -> String {
        let output = directory.file(kioskID)
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["enroll", kioskID, "--state-directory", stateDirectory, "--output", output] + databaseArguments, environment: environment, in: directory.path)
        guard result.status == 0 else { throw HallFailure(log: result.standardError) }
        return output
    }

    /// The `[sync]` table for a kioskd enrolled with `enroll(kioskID)`.
    public func syncTable(for kioskID: String, extra: String = "") -> String {
        let folder = directory.file(kioskID)
        return """
            [sync]
            client_certificate = "\(folder)/\(kioskID).pem"
            client_key = "\(folder)/\(kioskID)-key.pem"
            hall_ca = "\(folder)/hall-ca.pem"
            \(extra)
            """
    }

    /// Starts the server and waits until it accepts connections.
    public func start() async throws {
        // Only a first start may move: a restarted hall keeps its port (kiosks have its URL).
        let mayMove = process == nil
        for attempt in 1...5 {
            let child = try ChildProcess(BuiltExecutable.path("kiosk-hall"), ["serve", "--state-directory", stateDirectory, "--port", "\(port)", "--log-level", "debug"] + databaseArguments + extraArguments, environment: environment, outputDirectory: directory.path)
            process = child
            let deadline = ContinuousClock.now + .seconds(60)
            while !child.standardOutput.contains("kiosk-hall listening on") {
                guard child.process.isRunning, ContinuousClock.now < deadline else {
                    child.signal(SIGKILL)
                    // Another test took the free port between picking it and binding it.
                    if mayMove, attempt < 5, child.standardError.contains("Address already in use") {
                        port = try FreePort.pick()
                        break
                    }
                    throw HallFailure(log: child.standardError)
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            if child.standardOutput.contains("kiosk-hall listening on") { return }
        }
    }

    public func kill9() async {
        process?.signal(SIGKILL)
        _ = await process?.waitForExit(timeout: .seconds(10))
    }

    public func stop() async -> Int32? {
        process?.signal(SIGTERM)
        return await process?.waitForExit(timeout: .seconds(10))
    }

    public struct HallFailure: Error, CustomStringConvertible {
        public var log: String
        public var description: String { "kiosk-hall failed; its log:\n\(log)" }
    }
}
