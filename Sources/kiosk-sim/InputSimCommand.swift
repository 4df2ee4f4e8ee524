import ArgumentParser
import Foundation
import KioskSimulation

/// `kiosk-sim input …`: a finger on the simulated touch panel, a code through the simulated QR
/// scanner. Both are FIFOs of input_event records that kioskd reads like /dev/input/eventN.
struct InputSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "input",
        abstract: "Tap the simulated touch panel or scan a code with the simulated scanner (FIFOs of input_event records).",
        discussion: """
            Examples:
              kiosk-sim input tap --fifo .run/touch.fifo 540 960
              kiosk-sim input scan --fifo .run/scanner.fifo "BOOKING-20261201-0042"
            """,
        subcommands: [Tap.self, Scan.self])

    struct Tap: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tap at panel position (x, y), in the panel's raw units (pixels for a FIFO).")
        @Option(help: ArgumentHelp("The touch panel's FIFO.", valueName: "path")) var fifo: String
        @Argument(help: "x") var x: Int32
        @Argument(help: "y") var y: Int32

        func validate() throws {
            guard x >= 0, y >= 0 else { throw ValidationError("Please give a position with x and y of 0 or more.") }
        }

        func run() throws {
            try InputSimCommand.write(SimulatedInputEvents.tap(x: x, y: y), to: fifo)
        }
    }

    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Type a code as a scanner does, ending with Enter.")
        @Option(help: ArgumentHelp("The scanner's FIFO.", valueName: "path")) var fifo: String
        @Argument(help: "The code (printable ASCII).") var code: String

        func run() throws {
            guard let bytes = SimulatedInputEvents.scan(code) else {
                throw ValidationError("'\(code)' has characters a scanner cannot type; use printable ASCII.")
            }
            try InputSimCommand.write(bytes, to: fifo)
        }
    }

    /// Writes to a FIFO without waiting for a reader (O_RDWR), refusing anything that is not one,
    /// so a mistyped path never creates a regular file.
    static func write(_ bytes: [UInt8], to path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFIFO else {
            throw ValidationError("'\(path)' is not a FIFO; create it with 'mkfifo \(path)' (make run does) and name it in kioskd's configuration.")
        }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw ValidationError("Unable to open '\(path)': \(String(cString: strerror(errno))).") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw ValidationError("Unable to write to '\(path)': \(String(cString: strerror(errno))).") }
    }
}
