import KioskCore

/// Where everything that happens to the citizen's journey goes: taps from the screen, card reads
/// from the reader, codes from the scanner, printer and reader states, print results, the hall's
/// answers, ticks. The journey service takes them one at a time, in order. Sending never waits.
package final class JourneyInbox: Sendable {
    enum Item: Sendable {
        case event(FlowEvent)
        /// The watchdog's question "do you still take events?", answered when its turn comes.
        case probe(CheckedContinuation<Void, Never>)
        /// A technician's out-of-service switch, answered once its record is journaled (or not).
        case outOfService(Bool, reason: String, answered: CheckedContinuation<OutOfServiceOutcome, Never>)
    }

    /// What became of a technician's out-of-service switch.
    enum OutOfServiceOutcome: Sendable, Equatable {
        /// Journaled (or nothing to change): the kiosk is now out of service, or not.
        case applied(isOutOfService: Bool)
        /// The journal refused or failed the record; the kiosk stays as it was.
        case notJournaled(cause: String)
        /// kioskd is stopping and took no more events.
        case shuttingDown
    }

    let items: AsyncStream<Item>
    private let continuation: AsyncStream<Item>.Continuation

    package init() {
        (items, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .unbounded)
    }

    package func send(_ event: FlowEvent) {
        continuation.yield(.event(event))
    }

    /// Returns once the journey has taken everything sent before it: it does not return while the
    /// journey is stuck (an effect that never ends), which is what the watchdog wants to know.
    /// After shutdown it returns at once.
    package func probe() async {
        await withCheckedContinuation { answered in
            if case .terminated = continuation.yield(.probe(answered)) { answered.resume() }
        }
    }

    /// Sets out of service (or back) and returns once the journey has journaled it: a technician
    /// is never told "done" for a change the journal does not hold.
    func setOutOfService(_ on: Bool, reason: String) async -> OutOfServiceOutcome {
        await withCheckedContinuation { answered in
            if case .terminated = continuation.yield(.outOfService(on, reason: reason, answered: answered)) { answered.resume(returning: .shuttingDown) }
        }
    }

    /// Ends the stream at shutdown.
    func finish() {
        continuation.finish()
    }
}
