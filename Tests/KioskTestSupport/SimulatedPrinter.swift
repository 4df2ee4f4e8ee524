import Foundation

/// A real `kiosk-sim printer` process on a loopback TCP port, drawing tickets into a directory.
public final class SimulatedPrinter: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let port: Int
    public let process: ChildProcess
    public var controlSocket: String { directory.file("control.sock") }
    public var paperDirectory: String { directory.file("paper") }
    public var uri: String { "tcp:127.0.0.1:\(port)" }

    public init() async throws {
        directory = try TemporaryDirectory("kioskd-sim-printer")
        port = try FreePort.pick()
        try FileManager.default.createDirectory(atPath: directory.file("paper"), withIntermediateDirectories: true)
        process = try ChildProcess(BuiltExecutable.path("kiosk-sim"), ["printer", "run", "--port", String(port), "--output", directory.file("paper"), "--control", directory.file("control.sock")], outputDirectory: directory.path)
        try await CUPSTestEnvironment.waitForPort(port, what: "kiosk-sim printer", log: { [process] in process.standardError })
    }

    /// Sends a control command (paper-out, cover-open, jam, paper-remaining DOTS, …) and returns the answer.
    @discardableResult
    public func control(_ command: String) async throws -> String {
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-sim"), ["printer", "control", "--control", controlSocket] + command.split(separator: " ").map(String.init), in: directory.path)
        guard result.status == 0 else { throw CUPSTestEnvironment.SetupError(description: "kiosk-sim printer control \(command): \(result.standardOutput)\(result.standardError)") }
        return result.standardOutput
    }

    /// The ticket pictures written so far, in order.
    public func tickets() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: paperDirectory).filter { $0.hasPrefix("ticket-") && $0.hasSuffix(".png") }.sorted().map { paperDirectory + "/" + $0 }
    }
}
