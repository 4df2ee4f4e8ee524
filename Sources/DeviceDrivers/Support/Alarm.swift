import Synchronization

/// A sleep that another task can cut short: the reader sleeps between polls, and a change of
/// polling mode (a screen now waiting for a card) or shutdown wakes it at once. With no
/// duration it sleeps until woken, so an idle reader costs nothing.
final class Alarm: Sendable {
    private struct State {
        var waiter: CheckedContinuation<Void, Never>?
        var generation = 0
        /// A wake() that came while nobody slept: the next sleep returns at once.
        var pendingWake = false
    }

    private let state = Mutex(State())

    func sleep(for duration: Duration?) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let generation: Int? = state.withLock { state in
                    if state.pendingWake || Task.isCancelled {
                        state.pendingWake = false
                        return nil
                    }
                    state.generation += 1
                    state.waiter = continuation
                    return state.generation
                }
                guard let generation else {
                    continuation.resume()
                    return
                }
                if let duration {
                    Task { [self] in
                        try? await Task.sleep(for: duration)
                        resume(generation: generation)
                    }
                }
            }
        } onCancel: {
            wake()
        }
    }

    func wake() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pendingWake = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Ends the sleep numbered `generation`, if it is still the current one.
    private func resume(generation: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.generation == generation, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }
}
