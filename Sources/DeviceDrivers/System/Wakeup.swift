#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices
import Synchronization

/// An eventfd that wakes a thread sleeping in poll(2): the input reader's way to stop without
/// polling on a timer. `wake()` after `close()` does nothing, so a late cancellation can never
/// write into a descriptor number the process has reused.
final class Wakeup: Sendable {
    private let descriptor: Mutex<CInt?>

    init() throws(DeviceError) {
        let created = eventfd(0, CInt(EFD_CLOEXEC | EFD_NONBLOCK))
        guard created >= 0 else {
            throw DeviceError(code: .deviceFault, message: "eventfd failed: \(String(cString: strerror(errno))); the process is out of file descriptors (check LimitNOFILE).")
        }
        descriptor = Mutex(created)
    }

    /// The descriptor to poll for POLLIN; nil once closed.
    var pollable: CInt? { descriptor.withLock { $0 } }

    func wake() {
        descriptor.withLock { descriptor in
            guard let descriptor else { return }
            var one: UInt64 = 1
            _ = write(descriptor, &one, MemoryLayout<UInt64>.size)
        }
    }

    func close() {
        descriptor.withLock { descriptor in
            if let open = descriptor { _ = Glibc.close(open) }
            descriptor = nil
        }
    }
}
