import HallProtocol

/// A body's `protocolVersion` must be the hall's (as the `Kiosk-Protocol-Version` header must):
/// batches, heartbeats, tickets and check-ins are refused alike, before anything in them is read.
enum ProtocolVersionCheck {
    static func check(_ version: Int, of what: String) throws(HallFailure) {
        guard version == HallProtocol.version else {
            throw HallFailure(.badRequest, .unsupportedVersion, "The \(what) speaks protocol version \(version); this hall speaks \(HallProtocol.version). Update kiosk-hall or kioskd so that both match.")
        }
    }
}
