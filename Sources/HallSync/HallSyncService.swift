import ControlProtocol
import Foundation
import KioskConcurrency
import HallProtocol
import Journal
import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Sends the journal to the hall and keeps the kiosk's copy of the catalog: a kioskd service.
///
/// - Pushes unsynced events in sequence order, in batches, as soon as they are appended (the
///   journal signals appends; nothing polls), and marks them synced only once the hall answered
///   200, which it does after the events are on its disk. A batch sent again after a crash is
///   harmless: the hall stores by (kiosk, sequence).
/// - While the hall cannot be reached, retries with exponential backoff and jitter.
/// - Every morning at `reconcileAt`, asks the hall what it holds and re-sends what it lacks.
/// - Sends a heartbeat and refreshes the catalog on their intervals; prunes synced events past
///   the retention period and keeps the journal under its size limit.
public final class HallSyncService: Service, Sendable {
    let configuration: HallSyncConfiguration
    let journal: Journal
    let client: HallClient
    let logger: Logger
    let devices: @Sendable () async -> [DeviceState]
    let board: SyncStatusBoard
    private let wake = WakeSignal()
    private let catalogCache: CatalogCache
    private let pusher: JournalPusher
    private let catalogContinuation: AsyncStream<[UInt8]>.Continuation
    /// Each new catalog the hall sends, as its JSON bytes (already stored in the cache); only the
    /// newest waits when nobody reads.
    public let catalogChanges: AsyncStream<[UInt8]>
    /// The hall's client, for the journey's questions (tickets, progress) on the same connection pool.
    public var hallClient: HallClient { client }

    /// Reads the certificate files: call from a thread that may block.
    public init(configuration: HallSyncConfiguration, journal: Journal, logger: Logger, devices: @escaping @Sendable () async -> [DeviceState]) throws {
        self.configuration = configuration
        self.journal = journal
        self.logger = logger
        self.devices = devices
        client = try HallClient(baseURL: configuration.hallURL, kioskID: configuration.kioskID, certificatePath: configuration.clientCertificatePath, keyPath: configuration.clientKeyPath, caPath: configuration.hallCAPath)
        board = SyncStatusBoard(hallURL: configuration.hallURL)
        catalogCache = CatalogCache(directory: configuration.stateDirectory)
        pusher = JournalPusher(journal: journal, client: client, kioskID: configuration.kioskID, batchSize: configuration.batchSize, logger: logger)
        (catalogChanges, catalogContinuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1))
    }

    public func run() async throws {
        logger.info("Sync with the hall started", metadata: ["hall.url": "\(configuration.hallURL)", "sync.batch_size": "\(configuration.batchSize)"])
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.pushLoop() }
                group.addTask { await self.wakeOnAppend() }
                group.addTask { await self.heartbeatLoop() }
                group.addTask { await self.catalogLoop() }
                group.addTask { await self.morningLoop() }
            }
        }
        catalogContinuation.finish()
        await client.shutdown()
        logger.info("Sync with the hall stopped")
    }

    // MARK: Control commands

    public func status() async -> SyncStatus {
        var status = await board.status
        if let counts = try? await journal.counts() {
            status.unsyncedEvents = counts.unsynced
            status.lastSequence = counts.lastSequence
        }
        return status
    }

    /// Starts a round now, skipping any retry wait, and returns once it ended (or after `timeout`).
    public func syncNow(timeout: Duration = .seconds(50)) async -> SyncStatus {
        let target = await board.nextRoundTarget()
        wake.signal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.board.waitForRound(target) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        return await status()
    }

    // MARK: Pushing

    /// Waits for a wake-up (append, `sync now`, retry timer, morning), then pushes everything.
    private func pushLoop() async {
        var backoff = Backoff(first: .seconds(1), longest: configuration.retryMaximum, jitter: true)
        var retryDelay: Duration? = nil
        var reconcileNext = true  // once at start: the hall may have lost events while we were off
        while !Task.isCancelled {
            if let retryDelay {
                await wake.wait(upTo: retryDelay)
            } else {
                await wake.wait()
            }
            if Task.isCancelled { return }
            await board.roundStarted(at: Date())
            do {
                if reconcileNext || takeReconciliationRequest() {
                    try await reconcile()
                    reconcileNext = false
                }
                let (sent, acknowledged) = try await pusher.pushAll()
                if let acknowledged { await board.acknowledged(acknowledged) }
                if sent > 0 { logger.debug("Pushed events to the hall", metadata: ["sync.events": "\(sent)"]) }
                backoff.reset()
                retryDelay = nil
                // Prune before reporting the round done, so that `sync now` shows the result.
                await prune()
                await board.roundSucceeded(at: Date())
            } catch {
                let delay = backoff.nextDelay()
                retryDelay = delay
                let message = "\(error)"
                // A hall that stays down for the night would fill the log: warn on the first
                // failure of a run, then only at debug level.
                if await board.status.lastError != message {
                    logger.warning("Sync with the hall failed; events stay in the journal and will be sent later", metadata: ["hall.url": "\(configuration.hallURL)", "error": "\(message)", "retry.in_ms": "\(delay / .milliseconds(1))"])
                } else {
                    logger.debug("Sync with the hall failed again", metadata: ["error": "\(message)"])
                }
                await board.roundFailed(message, retryAt: Date().addingTimeInterval(Double(delay / .milliseconds(1)) / 1000))
            }
        }
    }

    /// Compares the hall's contiguous mark with what the journal thinks was synced.
    private func reconcile() async throws {
        let acknowledgement = try await client.syncState()
        await board.acknowledged(acknowledgement.highestContiguousSequence)
        if let synced = try await journal.highestSyncedSequence(), synced > acknowledgement.highestContiguousSequence {
            try await pusher.resend(after: acknowledgement.highestContiguousSequence)
        }
        await board.reconciled(at: Date())
        logger.info("Reconciled the journal with the hall", metadata: ["hall.contiguous": "\(acknowledgement.highestContiguousSequence)"])
    }

    private let reconciliationRequest = Mutex(false)

    private func takeReconciliationRequest() -> Bool {
        reconciliationRequest.withLock { requested in
            defer { requested = false }
            return requested
        }
    }

    // MARK: Pruning and size

    private func prune() async {
        do {
            let cutoff = Date().addingTimeInterval(-Double(configuration.retention / .seconds(1)))
            var pruned = try await journal.pruneSynced(before: cutoff)
            var used = try await journal.usedBytes()
            // Over the limit: drop the oldest synced events, whatever their age.
            while used > configuration.maximumJournalBytes {
                let dropped = try await journal.pruneOldestSynced(count: 1000)
                if dropped == 0 { break }
                pruned += dropped
                used = try await journal.usedBytes()
            }
            if pruned > 0 {
                await board.pruned(pruned)
                logger.info("Pruned synced events from the journal", metadata: ["journal.pruned": "\(pruned)"])
            }
            let directory = configuration.stateDirectory
            let free = try? await NIOThreadPool.singleton.runIfActive { FreeSpace.bytes(at: directory) }
            var warning: String? = nil
            if used > configuration.maximumJournalBytes {
                warning = "The journal uses \(used) bytes, over its limit of \(configuration.maximumJournalBytes), and holds only unsynced events: restore the hall connection."
            } else if let free = free ?? nil, free < FreeSpace.warningThreshold {
                warning = "Only \(free / 1024 / 1024) MiB free on the disk holding '\(directory)': new events may be refused. Free space there."
            }
            if let warning { logger.warning("\(warning)") }
            await board.storage(usedBytes: used, limitBytes: configuration.maximumJournalBytes, warning: warning)
        } catch {
            logger.warning("Unable to prune the journal; will try after the next sync", metadata: ["error": "\(error)"])
            await board.storage(usedBytes: -1, limitBytes: configuration.maximumJournalBytes, warning: "\(error)")
        }
    }

    // MARK: Wake-ups

    private func wakeOnAppend() async {
        do {
            for try await _ in journal.lastSequenceUpdates() { wake.signal() }
        } catch {
            logger.error("Lost the journal's append signal; events will be sent at the next heartbeat", metadata: ["error": "\(error)"])
        }
    }

    private func heartbeatLoop() async {
        while !Task.isCancelled {
            do {
                let counts = try await journal.counts()
                let heartbeat = Heartbeat(kioskID: configuration.kioskID, sentAtMs: Int64(Date().timeIntervalSince1970 * 1000), softwareVersion: configuration.softwareVersion, lastSequence: counts.lastSequence, unsyncedEvents: counts.unsynced, devices: await devices())
                try await client.send(heartbeat)
                await board.heartbeatSent(at: Date())
                // Something may be waiting for a retry; the hall answers, so try now.
                if counts.unsynced > 0 { wake.signal() }
            } catch {
                logger.debug("Heartbeat not delivered", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: configuration.heartbeatInterval)
        }
    }

    private func catalogLoop() async {
        let cache = catalogCache
        var etag: String? = nil
        if let cached = try? await NIOThreadPool.singleton.runIfActive({ cache.load() }) {
            etag = cached.etag
            await board.catalog(version: cached.catalog.version, fetchedAt: nil)
        }
        while !Task.isCancelled {
            do {
                switch try await client.catalog(ifNoneMatch: etag) {
                case .unchanged:
                    break
                case let .changed(bytes, newTag):
                    let catalog = try await NIOThreadPool.singleton.runIfActive { try cache.store(bytes: bytes, etag: newTag) }
                    etag = newTag
                    catalogContinuation.yield(bytes)
                    await board.catalog(version: catalog.version, fetchedAt: Date())
                    logger.info("Fetched a new catalog from the hall", metadata: ["catalog.version": "\(catalog.version)", "catalog.services": "\(catalog.services.count)"])
                }
            } catch {
                logger.debug("Catalog not refreshed; keeping the cached one", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: configuration.catalogRefreshInterval)
        }
    }

    private func morningLoop() async {
        let schedule = MorningSchedule(hour: configuration.reconcileAt.hour, minute: configuration.reconcileAt.minute)
        while !Task.isCancelled {
            let next = schedule.next(after: Date())
            await board.nextReconciliation(at: next)
            // Sleep in steps of at most an hour so that a wall-clock change (NTP at boot) is
            // noticed; Task.sleep measures monotonic time.
            let wait = min(next.timeIntervalSinceNow, 3600)
            if wait > 0 {
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
                if next.timeIntervalSinceNow > 0 { continue }
            }
            reconciliationRequest.withLock { $0 = true }
            wake.signal()
            // Do not fire twice in the same minute.
            try? await Task.sleep(for: .seconds(61))
        }
    }
}
