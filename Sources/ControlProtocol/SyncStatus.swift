import Foundation

/// What `kioskctl sync status` and `kioskctl sync now` show: how the journal's sync with the
/// hall is doing.
public struct SyncStatus: Codable, Sendable, Equatable {
    /// False when kioskd.toml has no `[sync]` table; every other field is then empty.
    public var enabled: Bool
    public var hallURL: String
    /// "idle", "syncing", "waiting to retry" or "disabled".
    public var state: String
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    /// Why the last attempt failed, with what to do; nil after a success.
    public var lastError: String?
    public var nextRetryAt: Date?
    /// The highest sequence the hall said it holds contiguously.
    public var hallAcknowledgedSequence: Int64?
    public var unsyncedEvents: Int
    public var lastSequence: Int64
    public var lastHeartbeatAt: Date?
    public var catalogVersion: Int?
    public var catalogFetchedAt: Date?
    public var lastReconciliationAt: Date?
    public var nextReconciliationAt: Date?
    /// Synced events deleted since kioskd started (retention or size limit).
    public var prunedSinceStart: Int
    public var journalUsedBytes: Int64?
    public var journalLimitBytes: Int64?
    /// Set when the journal is over its size limit with only unsynced events left, or the
    /// disk is full: events may soon be refused.
    public var storageWarning: String?

    public init(enabled: Bool, hallURL: String, state: String, lastAttemptAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil, nextRetryAt: Date? = nil, hallAcknowledgedSequence: Int64? = nil, unsyncedEvents: Int = 0, lastSequence: Int64 = 0, lastHeartbeatAt: Date? = nil, catalogVersion: Int? = nil, catalogFetchedAt: Date? = nil, lastReconciliationAt: Date? = nil, nextReconciliationAt: Date? = nil, prunedSinceStart: Int = 0, journalUsedBytes: Int64? = nil, journalLimitBytes: Int64? = nil, storageWarning: String? = nil) {
        self.enabled = enabled
        self.hallURL = hallURL
        self.state = state
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.nextRetryAt = nextRetryAt
        self.hallAcknowledgedSequence = hallAcknowledgedSequence
        self.unsyncedEvents = unsyncedEvents
        self.lastSequence = lastSequence
        self.lastHeartbeatAt = lastHeartbeatAt
        self.catalogVersion = catalogVersion
        self.catalogFetchedAt = catalogFetchedAt
        self.lastReconciliationAt = lastReconciliationAt
        self.nextReconciliationAt = nextReconciliationAt
        self.prunedSinceStart = prunedSinceStart
        self.journalUsedBytes = journalUsedBytes
        self.journalLimitBytes = journalLimitBytes
        self.storageWarning = storageWarning
    }
}

