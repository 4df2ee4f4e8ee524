import ControlProtocol
import Foundation

/// What the sync service last did, for `kioskctl sync status`, and the rounds that `sync now`
/// waits for.
actor SyncStatusBoard {
    private(set) var status: SyncStatus
    private var roundsCompleted = 0
    private var roundInProgress = false
    private var roundWaiters: [(id: Int, target: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var nextWaiterID = 0

    init(hallURL: String) {
        status = SyncStatus(enabled: true, hallURL: hallURL, state: "idle")
    }

    func roundStarted(at date: Date) {
        roundInProgress = true
        status.state = "syncing"
        status.lastAttemptAt = date
        status.nextRetryAt = nil
    }

    func roundSucceeded(at date: Date) {
        status.state = "idle"
        status.lastSuccessAt = date
        status.lastError = nil
        finishRound()
    }

    func roundFailed(_ error: String, retryAt: Date) {
        status.state = "waiting to retry"
        status.lastError = error
        status.nextRetryAt = retryAt
        finishRound()
    }

    private func finishRound() {
        roundInProgress = false
        roundsCompleted += 1
        let ready = roundWaiters.filter { $0.target <= roundsCompleted }
        roundWaiters.removeAll { $0.target <= roundsCompleted }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// The number of the first round that will start after now: a round already running may
    /// have read the journal before the caller's events.
    func nextRoundTarget() -> Int {
        roundsCompleted + (roundInProgress ? 2 : 1)
    }

    /// Returns once round `target` has ended, or when the calling task is cancelled (kioskd
    /// stopping while `sync now` waits must not hang the control server).
    func waitForRound(_ target: Int) async {
        guard roundsCompleted < target, !Task.isCancelled else { return }
        nextWaiterID += 1
        let id = nextWaiterID
        await withTaskCancellationHandler {
            await withCheckedContinuation { roundWaiters.append((id, target, $0)) }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = roundWaiters.firstIndex(where: { $0.id == id }) else { return }
        roundWaiters.remove(at: index).continuation.resume()
    }

    func acknowledged(_ sequence: Int64) { status.hallAcknowledgedSequence = sequence }
    func heartbeatSent(at date: Date) { status.lastHeartbeatAt = date }
    func catalog(version: Int, fetchedAt date: Date?) {
        status.catalogVersion = version
        if let date { status.catalogFetchedAt = date }
    }
    func reconciled(at date: Date) { status.lastReconciliationAt = date }
    func nextReconciliation(at date: Date) { status.nextReconciliationAt = date }
    func pruned(_ count: Int) { status.prunedSinceStart += count }
    func storage(usedBytes: Int64, limitBytes: Int64, warning: String?) {
        status.journalUsedBytes = usedBytes
        status.journalLimitBytes = limitBytes
        status.storageWarning = warning
    }
}
