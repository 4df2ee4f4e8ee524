import Foundation

/// A real child process with its output captured to files (pipes could fill and stall it).
public final class ChildProcess: @unchecked Sendable {
    public private(set) var process = Process()
    public let standardOutputPath: String
    public let standardErrorPath: String

    /// Starts `executable` with `arguments`; `environment` entries are added to the test's own.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], outputDirectory: String, label: String? = nil) throws {
        let name = label ?? (executable as NSString).lastPathComponent
        standardOutputPath = outputDirectory + "/\(name).\(UUID().uuidString.prefix(8)).out"
        standardErrorPath = outputDirectory + "/\(name).\(UUID().uuidString.prefix(8)).err"
        _ = FileManager.default.createFile(atPath: standardOutputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: standardErrorPath, contents: nil)
        var merged = ProcessInfo.processInfo.environment
        // kioskd must not think it runs under systemd unless a test says so.
        merged["NOTIFY_SOCKET"] = nil
        merged["WATCHDOG_USEC"] = nil
        merged["JOURNAL_STREAM"] = nil
        merged.merge(environment) { _, new in new }
        // Foundation's Process lists the parent's open descriptors and has the child close each;
        // one closed meanwhile by another test's thread makes posix_spawn fail with EBADF before
        // anything ran. That is a race in the test process, not the program's failure: try again.
        var attempt = 1
        while true {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = merged
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle(forWritingAtPath: standardOutputPath)
            process.standardError = FileHandle(forWritingAtPath: standardErrorPath)
            do {
                try process.run()
                return
            } catch let error as NSError where attempt < 5 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(EBADF) {
                attempt += 1
                process = Process()
            }
        }
    }

    public var pid: Int32 { process.processIdentifier }

    public func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end; nil if it was still running after `timeout`.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    public var standardOutput: String { (try? String(contentsOfFile: standardOutputPath, encoding: .utf8)) ?? "" }
    public var standardError: String { (try? String(contentsOfFile: standardErrorPath, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Runs a command to completion and returns its exit status and output.
public func runToCompletion(_ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: String, timeout: Duration = .seconds(60)) async throws -> (status: Int32, standardOutput: String, standardError: String) {
    let child = try ChildProcess(executable, arguments, environment: environment, outputDirectory: directory)
    guard let status = await child.waitForExit(timeout: timeout) else {
        child.signal(SIGKILL)
        throw ChildProcessTimeout(command: ([executable] + arguments).joined(separator: " "))
    }
    return (status, child.standardOutput, child.standardError)
}

public struct ChildProcessTimeout: Error, CustomStringConvertible {
    public var command: String
    public var description: String { "'\(command)' did not finish in time" }
}
