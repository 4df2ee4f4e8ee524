/// Keeps a device open until cancelled: `session` opens it (calling `opened()` once it is) and
/// serves it until it ends or fails; the failure is handed to `failed` with `isNew` true the
/// first time each cause is seen (for the log); then the device is opened again after the
/// backoff's wait on `clock`. A session that opened the device starts the backoff and the
/// repeated-cause filter over.
public enum Reopening {
    public static func run<C: Clock>(
        backoff initial: Backoff, clock: C,
        failed: (_ cause: String, _ isNew: Bool) async -> Void,
        describe: (any Error) -> String,
        session: (_ opened: () -> Void) async throws -> Void
    ) async where C.Duration == Duration {
        var backoff = initial
        var reportedCause: String?
        while !Task.isCancelled {
            var wasOpen = false
            do {
                try await session { wasOpen = true }
                if Task.isCancelled { return }
                await report(SessionEnded(), &reportedCause, wasOpen: wasOpen, &backoff, failed: failed, describe: describe)
            } catch {
                if Task.isCancelled { return }
                await report(error, &reportedCause, wasOpen: wasOpen, &backoff, failed: failed, describe: describe)
            }
            try? await clock.sleep(for: backoff.nextDelay())
        }
    }

    /// A session that returned without an error: the device's stream ended (a FIFO whose writer
    /// closed, a replayed file); a device node only fails.
    public struct SessionEnded: Error, CustomStringConvertible {
        public var description: String { "it ended (its writer closed)" }
    }

    private static func report(_ error: any Error, _ reportedCause: inout String?, wasOpen: Bool, _ backoff: inout Backoff,
                               failed: (String, Bool) async -> Void, describe: (any Error) -> String) async {
        if wasOpen {
            backoff.reset()
            reportedCause = nil
        }
        let cause = describe(error)
        let isNew = reportedCause != cause
        reportedCause = cause
        await failed(cause, isNew)
    }
}
