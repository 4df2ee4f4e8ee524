import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Synchronization

/// A bare client connection for the tests that misbehave on purpose: connect and say nothing,
/// stop half-way through a request head, trickle a body. Optionally TLS with a kiosk's
/// certificate. Everything received is kept; `closed` completes when the server hangs up.
final class RawConnection: Sendable {
    let channel: any Channel
    private let collector: Collector

    private init(channel: any Channel, collector: Collector) {
        self.channel = channel
        self.collector = collector
    }

    /// TCP to 127.0.0.1:`port`, or a Unix socket at `unixPath`; with `tls`, the handshake is
    /// done (and awaited) before this returns.
    static func connect(port: Int? = nil, unixPath: String? = nil, tls: TLSConfiguration? = nil, serverName: String? = nil) async throws -> RawConnection {
        let collector = Collector()
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                if let tls {
                    let context = try NIOSSLContext(configuration: tls)
                    try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: serverName))
                    let promise = channel.eventLoop.makePromise(of: Void.self)
                    collector.handshake.withLock { $0 = promise }
                    collector.handshakeDone.withLock { $0 = promise.futureResult }
                }
                try channel.pipeline.syncOperations.addHandler(collector)
            }
        }
        let channel: any Channel
        if let unixPath {
            channel = try await bootstrap.connect(unixDomainSocketPath: unixPath).get()
        } else {
            channel = try await bootstrap.connect(host: "127.0.0.1", port: port ?? 0).get()
        }
        if let done = collector.handshakeDone.withLock({ $0 }) { try await done.get() }
        return RawConnection(channel: channel, collector: collector)
    }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
    }

    var receivedText: String { String(decoding: collector.received.withLock { $0 }, as: UTF8.self) }

    /// True once the server closed the connection, false if it was still open after `timeout`
    /// (which only catches a server that never closes; the connection is closed then).
    func closedByServer(within timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { [channel] in
                try? await channel.closeFuture.get()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            // Ends the other task: the sleep is cancelled, the close future completes.
            group.cancelAll()
            if !first { channel.close(promise: nil) }
            return first
        }
    }

    func close() async {
        try? await channel.close()
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received = Mutex<[UInt8]>([])
        /// Completed by the TLS handshake; nil without TLS.
        let handshake = Mutex<EventLoopPromise<Void>?>(nil)
        let handshakeDone = Mutex<EventLoopFuture<Void>?>(nil)

        /// The handshake's promise, once: a promise is completed at most one time.
        func takeHandshake() -> EventLoopPromise<Void>? {
            handshake.withLock { promise in
                defer { promise = nil }
                return promise
            }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            received.withLock { $0 += bytes }
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted? = event as? TLSUserEvent { takeHandshake()?.succeed() }
            context.fireUserInboundEventTriggered(event)
        }

        func channelInactive(context: ChannelHandlerContext) {
            takeHandshake()?.fail(ChannelError.alreadyClosed)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            takeHandshake()?.fail(error)
            context.close(promise: nil)
        }
    }
}

/// The resident set size of process `pid` in KiB, from /proc.
func residentKiB(of pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
    return Int(line.split(separator: " ").dropFirst().first ?? "")
}
