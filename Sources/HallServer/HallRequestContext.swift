import HallProtocol
import Hummingbird
import NIOCore

/// Hummingbird's request context plus the connection, so that routes can read the client
/// certificate the TLS handshake verified.
public struct HallRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Routes read bodies themselves with `HallProtocol.maximumBodyBytes`.
    public var maxUploadSize: Int { HallProtocol.maximumBodyBytes }
}


