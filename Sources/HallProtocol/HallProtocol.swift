/// Version 1 of the kiosk <-> hall protocol: JSON over HTTPS with mutual TLS. docs/hall-protocol.md
/// (and docs/hall-api.yaml) documents every route; keep them in step.
///
/// Times on the wire are integers (milliseconds since 1970-01-01 UTC) so that any JSON library
/// reads them the same way; no ISO-8601 date parsing on either side.
public enum HallProtocol {
    public static let version = 1
    /// The path prefix of every route of this version.
    public static let pathPrefix = "/v1"
    /// The largest request body the hall accepts (a full batch of long events fits many times).
    public static let maximumBodyBytes = 4 * 1024 * 1024
    /// The most events one batch may carry.
    public static let maximumBatchEvents = 5000
    /// The longest payload (JSON text) of one event.
    public static let maximumPayloadBytes = 16 * 1024
    /// The highest event sequence (and backlog) the hall accepts: 2^53 - 1, the largest integer
    /// every JSON reader holds exactly. A kiosk appending a thousand events a second reaches it in
    /// 285,000 years; anything above is a broken or hostile peer, refused where it is parsed so
    /// that no arithmetic on a sequence can overflow.
    public static let maximumSequence: Int64 = 9_007_199_254_740_991
    /// The latest time on the wire (milliseconds): 9999-12-31T23:59:59.999Z. Earlier than 1970
    /// is refused too.
    public static let maximumTimestampMs: Int64 = 253_402_300_799_999
    /// The most devices one heartbeat may list.
    public static let maximumHeartbeatDevices = 64
    /// The longest device name, kind, state or software version in a heartbeat (characters).
    public static let maximumHeartbeatFieldLength = 64
    /// The longest device error text in a heartbeat (characters).
    public static let maximumDeviceErrorLength = 500
    /// The header a kiosk sends with the protocol version it speaks.
    public static let versionHeader = "Kiosk-Protocol-Version"

    /// `POST /v1/kiosks/{kioskID}/events`
    public static func eventsPath(kioskID: String) -> String { "\(pathPrefix)/kiosks/\(kioskID)/events" }
    /// `GET /v1/kiosks/{kioskID}/sync-state`
    public static func syncStatePath(kioskID: String) -> String { "\(pathPrefix)/kiosks/\(kioskID)/sync-state" }
    /// `POST /v1/kiosks/{kioskID}/heartbeat`
    public static func heartbeatPath(kioskID: String) -> String { "\(pathPrefix)/kiosks/\(kioskID)/heartbeat" }
    /// `GET /v1/catalog` (with If-None-Match)
    public static let catalogPath = "\(pathPrefix)/catalog"
}
