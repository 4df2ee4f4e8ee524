import ArgumentParser
import ControlProtocol
import Foundation
import KioskConfiguration

#if canImport(Glibc)
import Glibc
#endif

/// Where to find kioskd: the socket named in its configuration, or one given directly.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("kioskd's configuration file, for its control socket path.", valueName: "path"))
    var config: String = KioskConfiguration.defaultPath

    @Option(name: .long, help: ArgumentHelp("The control socket; overrides the configuration.", valueName: "path"))
    var socket: String?

    /// The socket path to use, warning on stderr when the configuration cannot be read.
    func socketPath() -> String {
        if let socket { return socket }
        do {
            return try KioskConfiguration.load(from: config).controlSocket
        } catch {
            printToStandardError("warning: \(error)\nwarning: trying the default control socket '\(KioskConfiguration.defaultControlSocket)'.")
            return KioskConfiguration.defaultControlSocket
        }
    }

    func client() -> ControlClient { ControlClient(socketPath: socketPath()) }
}

func printToStandardError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}

/// Prints why kioskctl got no usable answer and exits with a status scripts can tell apart.
func fail(_ error: ControlClientError) -> ExitCode {
    printToStandardError("kioskctl: \(error)")
    switch error {
    case .daemonNotRunning: return ExitCode(69)      // EX_UNAVAILABLE
    case .timedOut: return ExitCode(75)              // EX_TEMPFAIL
    case .badResponse: return ExitCode(76)           // EX_PROTOCOL
    case .accessDenied: return ExitCode(77)          // EX_NOPERM
    case let .refused(_, failure): return failure.code == .forbidden ? ExitCode(77) : ExitCode(1)
    }
}

extension ControlClient {
    /// Sends `request`; a daemon that cannot be reached becomes kioskctl's error message and
    /// exit status (see `fail`).
    func request(_ request: ControlRequest) throws -> ControlResponse {
        do {
            return try send(request)
        } catch {
            throw fail(error)
        }
    }

    /// Sends `request` and returns the part of a successful answer that `field` picks; a
    /// refusal, or an answer without that part, becomes kioskctl's error message and exit status.
    func answer<T>(_ request: ControlRequest, _ field: (ControlResponse) -> T?, missing: String) throws -> T {
        let response = try self.request(request)
        guard response.ok, let value = field(response) else {
            throw fail(.refused(socketPath: socketPath, response.error ?? ControlFailure(code: .internalError, message: missing)))
        }
        return value
    }
}

/// kioskctl's --json output: pretty, sorted keys, ISO-8601 dates, for scripts and jq.
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
