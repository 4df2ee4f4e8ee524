import CCUPS

/// The CUPS scheduler this process would print through, and whether it answers.
public struct CUPSServer: Sendable, Equatable {
    /// What libcups resolved from CUPS_SERVER, client.conf or the default (a socket path such as
    /// "/run/cups/cups.sock", or a host name).
    public var name: String
    public var port: Int32
    public var reachable: Bool
    /// Why it is not reachable, for the technician.
    public var problem: String?

    /// Connects to the scheduler with a bounded timeout and disconnects.
    ///
    /// Blocks for up to `timeoutMilliseconds`: call from a thread that may block. Uses its own
    /// http_t (libcups' default connection has no read timeout, see docs/protocols/escpos.md, "USB and CUPS").
    public static func check(timeoutMilliseconds: Int32 = 1000) -> CUPSServer {
        let name = String(cString: cupsServer())
        let port = ippPort()
        var cancel: Int32 = 0
        guard let http = httpConnect2(name, port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, timeoutMilliseconds, &cancel) else {
            return CUPSServer(name: name, port: port, reachable: false, problem: "no CUPS scheduler answers at '\(name)' (\(CUPSConnection.lastError()))")
        }
        httpClose(http)
        return CUPSServer(name: name, port: port, reachable: true, problem: nil)
    }
}
