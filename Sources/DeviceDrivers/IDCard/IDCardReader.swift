import Foundation
import KioskConcurrency
import ServiceLifecycle
import Synchronization

/// The ID card reader service: opens the reader, resets and checks its SAM, then looks for
/// cards only as often as `polling` asks, reads each placed card once, notices when it is
/// lifted, and reopens the reader by itself after a fault (unplugged, SAM failure, silence).
public final class IDCardReader: Service, Sendable, CustomStringConvertible {
    public typealias Opener = @Sendable () async throws(DeviceError) -> any IDCardReaderTransport

    /// Events for the daemon, in order. Buffered: a slow consumer loses the oldest.
    public let events: AsyncStream<IDCardReaderEvent>
    private let continuation: AsyncStream<IDCardReaderEvent>.Continuation
    private let open: Opener
    private let state: Mutex<IDCardReaderSnapshot>
    /// Cuts the reader's sleeps short: a polling change, a USB arrival, shutdown.
    private let wake = WakeSignal()

    /// Waits between attempts to reopen a faulted reader: `first` doubling to at most `longest`.
    public struct RetryDelays: Sendable {
        public var first: Duration
        public var longest: Duration
        public static let standard = RetryDelays(first: .milliseconds(500), longest: .seconds(5))
        public init(first: Duration, longest: Duration) {
            self.first = first
            self.longest = longest
        }

        var backoff: Backoff { Backoff(first: first, longest: longest) }
    }

    private let retryDelays: RetryDelays
    /// Counts `retryNow()` calls: a change during a wait starts the backoff over.
    private let retryRequests = Atomic<Int>(0)

    public init(device: String, polling: ReaderPolling = .slow, retryDelays: RetryDelays = .standard, open: @escaping Opener) {
        self.open = open
        self.retryDelays = retryDelays
        state = Mutex(IDCardReaderSnapshot(device: device, phase: .connecting, polling: polling))
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    public var snapshot: IDCardReaderSnapshot { state.withLock { $0 } }

    public var description: String { "card reader \(snapshot.device)" }

    /// Changes how often the reader looks for a card; takes effect at once.
    public func setPolling(_ mode: ReaderPolling) {
        state.withLock { $0.polling = mode }
        wake.signal()
    }

    /// A device arrived (USB hotplug): a faulted reader tries to open again at once, and with
    /// short waits again after that (its device node may appear a moment after the USB device),
    /// instead of waiting out its backoff. Does nothing to a reader that works.
    public func retryNow() {
        guard state.withLock({ $0.phase == .faulted }) else { return }
        retryRequests.add(1, ordering: .relaxed)
        wake.signal()
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.serve() }
        continuation.finish()
    }

    /// Opens, serves and reopens the reader until cancelled.
    private func serve() async {
        var backoff = retryDelays.backoff
        while !Task.isCancelled {
            var transport: (any IDCardReaderTransport)?
            do throws(DeviceError) {
                let opened = try await open()
                transport = opened
                let samID = try await IDCardReaderSteps.initialise(opened)
                backoff.reset()
                state.withLock { state in
                    state.device = opened.name
                    state.phase = .ready
                    state.samID = samID.description
                }
                continuation.yield(.ready(samID: samID, device: opened.name))
                try await pollCards(opened)
            } catch {
                if !Task.isCancelled { recordFault(error) }
            }
            await transport?.close()
            guard !Task.isCancelled else { break }
            let requestsBefore = retryRequests.load(ordering: .relaxed)
            await wake.wait(upTo: backoff.nextDelay())
            if retryRequests.load(ordering: .relaxed) != requestsBefore { backoff.reset() }
        }
    }

    /// Polls until cancelled (returns) or the reader fails (throws).
    private func pollCards(_ transport: any IDCardReaderTransport) async throws(DeviceError) {
        var cardOnReader = false
        while !Task.isCancelled {
            let interval = state.withLock { $0.polling.interval }
            if interval != nil {
                cardOnReader = try await pollOnce(transport, cardOnReader: cardOnReader)
            }
            // With polling off this sleeps until setPolling or shutdown wakes it.
            await wake.wait(upTo: interval)
        }
    }

    /// One look at the reader: for a new card, or whether the card that was read is still there.
    /// Returns whether a read card lies on the reader now.
    private func pollOnce(_ transport: any IDCardReaderTransport, cardOnReader: Bool) async throws(DeviceError) -> Bool {
        guard cardOnReader else { return try await lookForCard(transport) }
        // A card that was read answers 30 03 with 90 or 91 while it stays.
        let response = try await IDCardReaderSteps.perform(.readNewestAddress, on: transport)
        if response.status == .success || response.status == .noContent { return true }
        state.withLock { $0.phase = .ready }
        continuation.yield(.cardRemoved)
        return false
    }

    /// Find, select, read. Returns true when a card was read and now lies on the reader.
    private func lookForCard(_ transport: any IDCardReaderTransport) async throws(DeviceError) -> Bool {
        switch try await IDCardReaderSteps.readPlacedCard(on: transport) {
        case .noCard:
            return false
        case .failed(let error):
            readFailed(error)
            return false
        case let .read(card, duration):
            state.withLock { state in
                state.phase = .cardPresent
                state.cardsRead += 1
                state.lastCardAt = Date()
            }
            continuation.yield(.cardRead(card, duration: duration))
            return true
        }
    }

    private func readFailed(_ error: ReaderStatusError) {
        state.withLock { state in
            state.readFailures += 1
            state.lastError = error.description
            state.lastErrorAt = Date()
        }
        continuation.yield(.readFailed(error))
    }

    /// Reports a fault once, on the way into the faulted state: a reader that stays unplugged
    /// does not repeat the event while its retries fail (their latest error is kept for status).
    private func recordFault(_ error: DeviceError) {
        let isNew = state.withLock { state -> Bool in
            let isNew = state.phase != .faulted
            state.phase = .faulted
            state.lastError = error.message
            state.lastErrorAt = Date()
            if isNew { state.faults += 1 }
            return isNew
        }
        if isNew { continuation.yield(.fault(error)) }
    }
}
