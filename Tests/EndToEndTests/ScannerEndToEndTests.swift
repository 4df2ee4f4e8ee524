import Foundation
import KioskTestSupport
import Testing

/// kioskd reading a keyboard-like QR scanner (a FIFO of input_event records, read by the same
/// code as /dev/input/eventN).
struct ScannerEndToEndTests {
    /// Should read each scanned code once, log it by length only, and keep reading after garbage
    @Test func codesAreReadAndNotLogged() async throws {
        let directory = try TemporaryDirectory()
        let scanner = try InputEventWriter(fifo: directory.file("scanner.fifo"))
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.scanner]
            device = "scanner.fifo"
            """, directory: directory)
        var ready = false
        for _ in 0..<100 where !ready {
            ready = try await kioskd.kioskctl(["status"]).standardOutput.contains("scanner: ready")
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ready)
        scanner.scan("BOOKING-20261201-0042")
        // Records no kernel sends, then a second code.
        scanner.write(InputEventWriter.record(type: 0x7777, code: 30, value: 1))
        scanner.scan("https://hall.example/q?id=7&k=Ab")
        var log = ""
        for _ in 0..<100 {
            log = kioskd.process.standardError
            if log.components(separatedBy: "Code scanned").count == 3 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(log.contains("code.length=21"), "\(log)")
        #expect(log.contains("code.length=32"), "\(log)")
        #expect(!log.contains("BOOKING-20261201-0042"))
        #expect(!log.contains("hall.example"))
    }
}
