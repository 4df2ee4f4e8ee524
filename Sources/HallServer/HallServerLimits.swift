import NIOCore

/// How long a peer may take and how many may be connected: a port anyone can reach (no
/// certificate is needed to connect) must not let slow or idle clients hold the hall's file
/// descriptors until kiosks are locked out.
public struct HallServerLimits: Sendable {
    /// From accepting the connection to the end of the TLS handshake.
    public var handshakeTimeout: TimeAmount = .seconds(10)
    /// A connection with no request in progress is closed after this, and so is one whose
    /// request head has not fully arrived (Hummingbird counts a connection idle until the head
    /// is parsed). Longer than a kiosk's HTTP pool keeps an idle connection (60 s), so that the
    /// kiosk closes first and never sends into a connection the hall is closing.
    public var idleTimeout: TimeAmount = .seconds(75)
    /// From the request head to the last byte of its body. Keep it below `idleTimeout`: a body
    /// that stops for a whole idle timeout is cut off by Hummingbird without an answer, while
    /// this one answers 408 with a message.
    public var bodyTimeout: Duration = .seconds(60)
    /// Connections open at once; further ones wait in the kernel's backlog until one closes.
    /// kiosk-hall raises its file limit to fit (`FileLimit`), and the unit sets LimitNOFILE.
    public var maximumConnections = 4096

    public init() {}
}
