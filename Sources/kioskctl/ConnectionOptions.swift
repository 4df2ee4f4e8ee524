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
