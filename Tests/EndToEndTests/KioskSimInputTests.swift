import Foundation
import KioskTestSupport
import Testing

/// `kiosk-sim input tap|scan` refuses what it cannot write, and writes nothing then.
struct KioskSimInputTests {
    /// Should refuse a path that is not a FIFO and leave the file as it was
    @Test func refusesRegularFile() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("touch.fifo", "not a fifo")
        let result = try await runToCompletion(BuiltExecutable.path("kiosk-sim"), ["input", "tap", "--fifo", path, "10", "20"], in: directory.path)
        #expect(result.status != 0)
        #expect(result.standardError.contains("is not a FIFO"), "\(result.standardError)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a fifo")
    }

    /// Should refuse a code a scanner cannot type, and a negative position, writing nothing
    @Test func refusesUntypableCodeAndNegativePosition() async throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.file("scanner.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Keep a reader open so that anything written would stay in the FIFO to be found.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let scan = try await runToCompletion(BuiltExecutable.path("kiosk-sim"), ["input", "scan", "--fifo", fifo, "身份证"], in: directory.path)
        #expect(scan.status != 0)
        #expect(scan.standardError.contains("cannot type"), "\(scan.standardError)")
        let tap = try await runToCompletion(BuiltExecutable.path("kiosk-sim"), ["input", "tap", "--fifo", fifo, "--", "-1", "5"], in: directory.path)
        #expect(tap.status == 64, "\(tap.standardError)")
        var byte: UInt8 = 0
        #expect(read(reader, &byte, 1) <= 0)
    }
}
