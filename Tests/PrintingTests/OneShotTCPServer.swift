import Foundation
import KioskTestSupport

/// A real TCP server on loopback that accepts connections, reads what comes, and answers each
/// with fixed bytes (or nothing at all: a silent server), for garbage-from-the-network tests.
final class OneShotTCPServer: @unchecked Sendable {
    let port: Int
    private let listener: CInt

    /// - Parameter reply: sent once after the first bytes arrive; nil to never answer.
    init(reply: [UInt8]?) throws {
        port = try FreePort.pick()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    var answered = false
                    while read(client, &buffer, buffer.count) > 0 {
                        if let reply, !answered {
                            answered = true
                            _ = reply.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                            shutdown(client, Int32(SHUT_WR))
                        }
                    }
                    close(client)
                }
            }
        }
    }

    deinit { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }
}
