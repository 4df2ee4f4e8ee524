#if canImport(Glibc)
import Glibc
#endif

/// Turns one device's events into what its consumer wants (touch events, scanned codes). Runs on
/// the reader's thread, which creates it: it never crosses threads.
protocol InputEventProcessor: SendableMetatype {
    associatedtype Output: Sendable
    mutating func process(_ events: [InputEvent], device: InputDevice) -> [Output]
}

/// Reads an input device on a dedicated thread that sleeps in poll(2) on the device and a
/// wakeup eventfd: no timer, no busy loop, and no thread of the Swift concurrency pool or of
/// NIO's blocking pool held for the device's lifetime (one pool thread per device would starve
/// the pool on a 2-core kiosk). Cancelling the consuming task (or dropping the stream) wakes the
/// thread, which closes the device and exits.
///
/// The stream ends normally at end-of-file (a pipe whose writer closed, a replayed file), and
/// with a `DeviceError` when the device goes away (ENODEV: unplugged) or fails.
enum InputReader {
    static let readSize = 64 * InputEvent.size

    static func stream<Processor: InputEventProcessor>(
        _ device: InputDevice, makeProcessor: @escaping @Sendable () -> Processor
    ) -> AsyncThrowingStream<Processor.Output, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Processor.Output, any Error>.makeStream()
        let wakeup: Wakeup
        do {
            wakeup = try Wakeup()
        } catch {
            continuation.finish(throwing: error)
            return stream
        }
        device.claim()
        continuation.onTermination = { _ in wakeup.wake() }
        DedicatedThread.start {
            defer {
                wakeup.close()
                _ = close(device.descriptor)
            }
            var processor = makeProcessor()
            var decoder = InputEventDecoder()
            var buffer = [UInt8](repeating: 0, count: readSize)
            while let wake = wakeup.pollable {
                var descriptors = [pollfd(fd: device.descriptor, events: Int16(POLLIN), revents: 0),
                                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&descriptors, 2, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    continuation.finish(throwing: DeviceError.gone(device.path, errno: errno, advice: .input))
                    return
                }
                if descriptors[1].revents != 0 { return }
                let count = buffer.withUnsafeMutableBytes { read(device.descriptor, $0.baseAddress, readSize) }
                if count < 0 {
                    let failure = errno
                    if failure == EAGAIN || failure == EINTR { continue }
                    continuation.finish(throwing: DeviceError.gone(device.path, errno: failure, advice: .input))
                    return
                }
                if count == 0 {
                    continuation.finish()
                    return
                }
                let events = decoder.append(buffer[..<count])
                for output in processor.process(events, device: device) {
                    continuation.yield(output)
                }
            }
        }
        return stream
    }
}

/// Events as they come, for diagnostics (`kioskctl` bench tests) and tests.
struct RawEventProcessor: InputEventProcessor {
    mutating func process(_ events: [InputEvent], device: InputDevice) -> [InputEvent] { events }
}

extension InputDevice {
    /// Every event the device sends, undecoded. Read a device once.
    public func rawEvents() -> AsyncThrowingStream<InputEvent, any Error> {
        InputReader.stream(self) { RawEventProcessor() }
    }
}
