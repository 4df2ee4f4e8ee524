import Synchronization

/// Wakes one waiting task. Signals coalesce: any number of `signal()` calls while nobody waits
/// make the next wait return at once, one time. A timed wait sleeps on an injected clock, so
/// tests drive it with a manual one. Nothing polls.
///
/// Used by the card reader (a change of polling mode, a USB arrival or shutdown cuts its sleep
/// short; with no timeout an idle reader sleeps until woken) and by the sync (a new event or
/// `sync now` wakes it).
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    public func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns when signalled (or at once if a signal is pending), or when the task is cancelled.
    /// One waiter at a time.
    public func wait() async {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    precondition(state.waiter == nil, "WakeSignal supports one waiter")
                    state.waiter = (id, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let waiter = state.waiter, waiter.id == id else { return nil }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume()
        }
    }

    /// Like `wait()`, but also returns once `timeout` has passed on `clock`; with no timeout,
    /// only a signal or cancellation ends it.
    public func wait<C: Clock>(upTo timeout: C.Duration?, on clock: C) async {
        guard let timeout else { return await wait() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask { try? await clock.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// `wait(upTo:on:)` on the continuous clock.
    public func wait(upTo timeout: Duration?) async {
        await wait(upTo: timeout, on: ContinuousClock())
    }
}
