/// kioskd.toml's `[sync]` table: how the kiosk reaches the hall and keeps its journal. Absent
/// table: sync is disabled (kioskd logs it once at start).
public struct SyncSettings: Sendable, Equatable {
    /// The kiosk's client certificate (PEM), issued by `kiosk-hall enroll KIOSK-ID`.
    public var clientCertificate: String
    public var clientKey: String
    /// The hall's CA certificate (PEM): the only authority trusted for the hall's server.
    public var hallCA: String
    public var batchSize: Int
    /// Local time of the daily full reconciliation.
    public var reconcileHour: Int
    public var reconcileMinute: Int
    public var retentionDays: Int
    public var maximumJournalMegabytes: Int
    public var heartbeatSeconds: Int
    public var catalogRefreshSeconds: Int
    public var retryMaximumSeconds: Int

    public static let defaultBatchSize = 500
    public static let defaultReconcileAt = "06:30"
    public static let defaultRetentionDays = 30
    public static let defaultMaximumJournalMegabytes = 512
    public static let defaultHeartbeatSeconds = 60
    public static let defaultCatalogRefreshSeconds = 900
    public static let defaultRetryMaximumSeconds = 300
}
