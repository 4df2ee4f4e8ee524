import ControlProtocol
import Foundation
import KioskTestSupport
import Testing

/// Bad requests on the control socket get a clear error and change nothing.
struct ControlSocketGarbageTests {
    @Test func garbageIsAnsweredAndChangesNothing() async throws {
        let kioskd = try await KioskdInstance()
        let client = kioskd.client
        let before = try client.send(.status).status!.journal

        let cases: [([UInt8], ControlFailure.Code)] = [
            (Array("hello\n".utf8), .badRequest),
            ([0xFF, 0x00, 0xFE, 0x0A], .badRequest),
            (Array("{\"version\":2,\"command\": 42}\n".utf8), .badRequest),
            (Array("[\"status\"]\n".utf8), .badRequest),
            (Array("{\"version\":2,\"command\":{\"reboot\":{}}}\n".utf8), .unknownCommand),
            (Array("{\"version\":2,\"command\":{\"logs\":{\"lines\":\"many\"}}}\n".utf8), .badRequest),
            // Version 1's form, and a version from the future: told which version kioskd speaks.
            (Array("{\"command\":\"reboot\"}\n".utf8), .unsupportedVersion),
            (Array("{\"version\":3,\"command\":{\"status\":{}}}\n".utf8), .unsupportedVersion),
            ([UInt8](repeating: UInt8(ascii: "a"), count: 70_000), .badRequest),
        ]
        for (bytes, code) in cases {
            let answer = try client.sendRaw(bytes)
            let response = try ControlCoding.decode(ControlResponse.self, from: answer)
            #expect(response.ok == false)
            #expect(response.error?.code == code, "for \(bytes.prefix(20))")
        }

        let after = try client.send(.status)
        #expect(after.ok)
        #expect(after.status?.journal.total == before.total)
        #expect(after.status?.journal.lastSequence == before.lastSequence)
        #expect(await kioskd.stop() == 0)
    }

    /// Should drop a client that connects and never sends anything, without stalling others
    @Test func silentClientDoesNotBlockOthers() async throws {
        let kioskd = try await KioskdInstance()
        let silent = try UnixSocket.connect(to: kioskd.socketPath).get()
        defer { close(silent) }
        #expect(try kioskd.client.send(.status).ok)
        #expect(await kioskd.stop() == 0)
    }
}
