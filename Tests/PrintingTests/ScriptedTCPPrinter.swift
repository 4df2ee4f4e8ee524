import Foundation
import KioskTestSupport

/// A real TCP server on loopback that answers each DLE EOT n it reads with the bytes `answer(n)`
/// gives (which may include unsolicited automatic status bytes or garbage), and records every
/// other byte. Serves one connection on its own thread.
final class ScriptedTCPPrinter: @unchecked Sendable {
    let port: Int
    private let listener: CInt
    private let lock = NSLock()
    private var received: [UInt8] = []

    init(answer: @escaping @Sendable (UInt8) -> [UInt8]) throws {
        port = try FreePort.pick()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        Thread.detachNewThread { [self] in
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(client, &buffer, buffer.count)
                guard count > 0 else { return }
                pending += buffer[..<count]
                while let start = pending.firstIndex(of: 0x10), pending.count >= start + 3, pending[start + 1] == 0x04 {
                    record(Array(pending[..<start]))
                    let reply = answer(pending[start + 2])
                    pending.removeFirst(start + 3)
                    _ = reply.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                }
            }
        }
    }

    deinit { close(listener) }

    private func record(_ bytes: [UInt8]) {
        lock.lock(); received += bytes; lock.unlock()
    }

    var job: [UInt8] { lock.lock(); defer { lock.unlock() }; return received }
}
