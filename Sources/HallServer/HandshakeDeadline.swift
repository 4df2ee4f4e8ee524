import HummingbirdCore
import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// Wraps a TLS child channel so that a connection whose TLS handshake has not finished within
/// `timeout` is closed: a client that connects and sends nothing (or one byte a minute) must not
/// hold a connection for longer than that.
struct HandshakeDeadline<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value
    let base: Base
    let timeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // After the TLS handler, where its "handshake completed" event passes.
            let operations = channel.pipeline.syncOperations
            let tls = try operations.handler(type: NIOSSLServerHandler.self)
            try operations.addHandler(HandshakeTimeoutHandler(timeout: timeout, logger: logger), position: .after(tls))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// Closes the channel unless `TLSUserEvent.handshakeCompleted` arrives in time, then steps aside.
final class HandshakeTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    let timeout: TimeAmount
    let logger: Logger
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if case .handshakeCompleted? = event as? TLSUserEvent {
            deadline?.cancel()
            deadline = nil
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        let channel = context.channel
        let logger = logger
        let timeout = timeout
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            logger.notice("Closed a connection whose TLS handshake did not finish in time", metadata: ["peer": "\(channel.remoteAddress.map { "\($0)" } ?? "unknown")", "timeout.ms": "\(timeout.nanoseconds / 1_000_000)"])
            channel.close(promise: nil)
        }
    }
}
