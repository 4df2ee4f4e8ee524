#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices
import Synchronization

/// FBIO_WAITFORVSYNC with a bound. The ioctl may return at once, fail (not implemented), or
/// never return (output off): each wait runs on a dedicated thread, the caller waits at most
/// `timeout`, and while one wait is stuck no other is started.
final class VSyncWaiter: Sendable {
    enum Outcome: Equatable, Sendable {
        case synced
        case timedOut
        /// A previous wait is still stuck in the kernel.
        case skipped
        /// The driver does not implement it: never asked again.
        case unsupported
    }

    private struct State {
        var stuck = false
        var unsupported = false
    }

    private let descriptor: CInt
    private let state = Mutex(State())

    init(descriptor: CInt) { self.descriptor = descriptor }

    func wait(timeout: Duration) async -> Outcome {
        let proceed = state.withLock { state -> Outcome? in
            if state.unsupported { return .unsupported }
            if state.stuck { return .skipped }
            state.stuck = true
            return nil
        }
        if let proceed { return proceed }
        // Its own descriptor: the display may close its own while this thread still waits.
        let waitDescriptor = dup(descriptor)
        guard waitDescriptor >= 0 else {
            state.withLock { $0.stuck = false }
            return .skipped
        }
        let once = ResumeOnce<Outcome>()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            DedicatedThread.start { [self] in
                let result = kiosk_fb_wait_for_vsync(waitDescriptor)
                let failure = result == 0 ? 0 : errno
                close(waitDescriptor)
                let unsupported = result != 0 && (failure == ENOTTY || failure == EINVAL || failure == EOPNOTSUPP)
                state.withLock { state in
                    state.stuck = false
                    if unsupported { state.unsupported = true }
                }
                once.resume(unsupported ? .unsupported : .synced)
            }
            Task {
                try? await Task.sleep(for: timeout)
                once.resume(.timedOut)
            }
        }
    }
}

/// A continuation that the first of several racers resumes; later resumes are ignored.
final class ResumeOnce<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, Never>?>(nil)

    func set(_ waiting: CheckedContinuation<Value, Never>) {
        continuation.withLock { $0 = waiting }
    }

    func resume(_ value: Value) {
        let waiting = continuation.withLock { stored -> CheckedContinuation<Value, Never>? in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(returning: value)
    }
}
