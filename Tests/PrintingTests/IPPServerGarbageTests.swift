import DeviceDrivers
import Testing

/// An IPP "printer" that does not speak IPP: a clear error, within the connection's timeouts.
struct IPPServerGarbageTests {
    /// Should give up on a server that accepts the connection and never answers, within seconds
    @Test func silentServerGivesBoundedError() async throws {
        let server = try OneShotTCPServer(reply: nil)
        let printer = CUPSPrinter(uri: .ipp(host: "127.0.0.1", port: server.port, resource: "/ipp/print"))
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await printer.status() }
        #expect(error?.code == .notConnected)
        #expect(error?.message.hasPrefix("Printer 'ipp://127.0.0.1:\(server.port)/ipp/print': the server gave no answer") == true)
        // The connection's timeout is 3 s; libcups' own default would wait without end. The
        // bound is loose: under the full suite the call first waits for a blocking-pool thread.
        #expect(ContinuousClock.now - started < .seconds(120))
    }

    /// Should reject an HTTP answer whose body is not IPP
    @Test func nonIPPAnswerIsRejected() async throws {
        let server = try OneShotTCPServer(reply: Array("HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello".utf8))
        let printer = CUPSPrinter(uri: .ipp(host: "127.0.0.1", port: server.port, resource: "/ipp/print"))
        let error = await #expect(throws: PrinterError.self) { try await printer.status() }
        #expect(error?.code == .notConnected)
        #expect(error?.message.contains("the server gave no answer") == true)
    }

    /// Should reject plain garbage that is not even HTTP
    @Test func notHTTPIsRejected() async throws {
        let server = try OneShotTCPServer(reply: Array("\u{1B}@garbage\n".utf8) + [0xFF, 0x00, 0x10, 0x04])
        let printer = CUPSPrinter(uri: .ipp(host: "127.0.0.1", port: server.port, resource: "/ipp/print"))
        await #expect(throws: PrinterError.self) { try await printer.status() }
    }
}
