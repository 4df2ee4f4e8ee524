#if canImport(Glibc)
import Glibc
#endif

/// A detached OS thread for one call that may block for long or for ever (FBIO_WAITFORVSYNC
/// with the output off, an evdev read loop). Such calls must not take a thread of the Swift
/// concurrency pool or of NIO's blocking pool, whose threads are few and shared.
enum DedicatedThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        // Out of threads is a resource exhaustion the daemon cannot work around.
        precondition(result == 0, "pthread_create failed: \(result)")
    }
}
