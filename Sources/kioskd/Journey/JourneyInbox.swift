import KioskCore

/// Where everything that happens to the citizen's journey goes: taps from the screen, card reads
/// from the reader, codes from the scanner, printer and reader states, print results, the hall's
/// answers, ticks. The journey service takes them one at a time, in order. Sending never waits.
final class JourneyInbox: Sendable {
    let events: AsyncStream<FlowEvent>
    private let continuation: AsyncStream<FlowEvent>.Continuation

    init() {
        (events, continuation) = AsyncStream.makeStream(of: FlowEvent.self, bufferingPolicy: .unbounded)
    }

    func send(_ event: FlowEvent) {
        continuation.yield(event)
    }

    /// Ends the stream at shutdown.
    func finish() {
        continuation.finish()
    }
}
