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
            (Array("{\"command\": 42}\n".utf8), .badRequest),
            (Array("[\"status\"]\n".utf8), .badRequest),
            (Array("{\"command\":\"reboot\"}\n".utf8), .unknownCommand),
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
        let silent = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(silent) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(kioskd.socketPath.utf8)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(silent, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(connected == 0)
        #expect(try kioskd.client.send(.status).ok)
        #expect(await kioskd.stop() == 0)
    }
}
