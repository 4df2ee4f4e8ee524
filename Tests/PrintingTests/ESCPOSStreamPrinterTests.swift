import DeviceDrivers
import Foundation
import Testing

/// Status and jobs over a real TCP connection to a scripted printer.
struct ESCPOSStreamPrinterTests {
    func connect(_ printer: ScriptedTCPPrinter, profile: PrinterProfile = .standard80mm) async throws -> any PrinterConnection {
        try await PrinterConnector.open(.tcp(host: "127.0.0.1", port: printer.port), profile: profile)
    }

    /// Should read the four DLE EOT replies even when automatic status blocks arrive before each
    @Test func unsolicitedBytesDoNotCorruptReplies() async throws {
        let printer = try ScriptedTCPPrinter { n in
            // ASB (paper near end) then the reply; n=4 says paper near end too.
            [0x10, 0x00, 0x00, 0x03] + [n == 4 ? 0x1E : 0x12]
        }
        let connection = try await connect(printer)
        let status = try await connection.status()
        #expect(status == PrinterStatus(condition: .paperNearEnd, raw: "DLE EOT 1..4: 12 12 12 1e"))
    }

    /// Should skip garbage bytes from the printer and still read each reply
    @Test func garbageBeforeRepliesIsSkipped() async throws {
        let printer = try ScriptedTCPPrinter { n in [0xFF, 0x00, 0x41] + [n == 2 ? 0x16 : 0x12] }
        let connection = try await connect(printer)
        #expect(try await connection.status().condition == .coverOpen)
    }

    /// Should report unknown when the printer sends only garbage and never a reply
    @Test func onlyGarbageIsUnknown() async throws {
        let printer = try ScriptedTCPPrinter { _ in [0xFF, 0x80, 0x00] }
        let connection = try await connect(printer)
        let status = try await connection.status()
        #expect(status.condition == .unknown)
        #expect(status.raw.hasPrefix("no answer to DLE EOT 1"))
    }

    /// Should read the kiosk full status on a presenter profile
    @Test func presenterUsesFullStatus() async throws {
        let printer = try ScriptedTCPPrinter { n in n == 0x14 ? [0x10, 0x0F, 0x01, 0x00, 0x00, 0x00] : [0x12] }
        let connection = try await connect(printer, profile: PrinterProfile(presenter: true))
        let status = try await connection.status()
        #expect(status.condition == .paperOut)
        #expect(status.raw == "full status 10 0f 01 00 00 00")
    }

    /// Should send the job's bytes unchanged and return the status read after it
    @Test func jobIsSentAndConfirmed() async throws {
        let printer = try ScriptedTCPPrinter { _ in [0x12] }
        let connection = try await connect(printer)
        let job: [UInt8] = [0x1B, 0x40, 0x41, 0x0A, 0x1D, 0x56, 0x00]
        let receipt = try await connection.print(job)
        #expect(receipt.status.condition == .ready)
        #expect(printer.job == job)
    }

    /// Should refuse to send a job while the printer reports paper out, sending nothing
    @Test func noJobWhilePaperOut() async throws {
        let printer = try ScriptedTCPPrinter { n in [n == 4 ? 0x72 : 0x12] }
        let connection = try await connect(printer)
        let error = await #expect(throws: PrinterError.self) { try await connection.print([0x41]) }
        #expect(error?.code == .notReady)
        #expect(error?.message == "Printer 'tcp:127.0.0.1:\(printer.port)' cannot print: paper out; load a paper roll and close the cover.")
        #expect(printer.job.isEmpty)
    }
}

/// Replies left behind by a job must not answer the next request.
struct StrayReplyTests {
    /// Should ignore a reply the printer sent for a 10 04 n inside the job's raster data
    @Test func strayReplyFromJobDataIsDiscarded() async throws {
        // The scripted printer answers every 10 04 n it finds, as real printers do. The fifth
        // (after DLE EOT 1..4 before the job) is the 10 04 02 inside the job's raster data; its
        // answer 0x1A would read as "offline" if taken for the reply to the next DLE EOT 1.
        let requests = RequestCounter()
        let printer = try ScriptedTCPPrinter { n in [requests.next() == 5 ? 0x1A : 0x12] }
        let connection = try await PrinterConnector.open(.tcp(host: "127.0.0.1", port: printer.port), profile: .standard80mm)
        // Row bytes 10 04 02: pixels that happen to spell DLE EOT 2.
        let image = RasterImage(width: 24, height: 1, packed: [0x10, 0x04, 0x02])
        var encoder = ESCPOSEncoder()
        encoder.rasterImage(image)
        let receipt = try await connection.print(encoder.bytes)
        #expect(receipt.status.condition == .ready)
    }
}

/// Counts calls from the scripted printer's thread.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// 1 on the first call, 2 on the second, …
    func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
}
