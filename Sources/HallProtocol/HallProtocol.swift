/// Version 1 of the kiosk <-> hall protocol: JSON over HTTPS with mutual TLS. README.md,
/// "Hall protocol", documents every route; keep the two in step.
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
