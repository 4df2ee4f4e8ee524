import Foundation

/// What the sync client needs to know; kioskd fills it from kioskd.toml's `[sync]` table.
public struct HallSyncConfiguration: Sendable {
    public var kioskID: String
    /// `https://host:port` of the hall.
    public var hallURL: String
    public var clientCertificatePath: String
    public var clientKeyPath: String
    public var hallCAPath: String
    public var batchSize: Int
    /// Local time of the daily full reconciliation, as hour and minute.
    public var reconcileAt: (hour: Int, minute: Int)
    public var retention: Duration
    public var maximumJournalBytes: Int64
    public var heartbeatInterval: Duration
    public var catalogRefreshInterval: Duration
    /// The longest wait between retries while the hall cannot be reached.
    public var retryMaximum: Duration
    /// Where the last catalog is cached (catalog.json and catalog.etag).
    public var stateDirectory: String
    public var softwareVersion: String

    public init(kioskID: String, hallURL: String, clientCertificatePath: String, clientKeyPath: String, hallCAPath: String, batchSize: Int, reconcileAt: (hour: Int, minute: Int), retention: Duration, maximumJournalBytes: Int64, heartbeatInterval: Duration, catalogRefreshInterval: Duration, retryMaximum: Duration, stateDirectory: String, softwareVersion: String) {
        self.kioskID = kioskID
        self.hallURL = hallURL
        self.clientCertificatePath = clientCertificatePath
        self.clientKeyPath = clientKeyPath
        self.hallCAPath = hallCAPath
        self.batchSize = batchSize
        self.reconcileAt = reconcileAt
        self.retention = retention
        self.maximumJournalBytes = maximumJournalBytes
        self.heartbeatInterval = heartbeatInterval
        self.catalogRefreshInterval = catalogRefreshInterval
        self.retryMaximum = retryMaximum
        self.stateDirectory = stateDirectory
        self.softwareVersion = softwareVersion
    }
}
