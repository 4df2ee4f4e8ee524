import NIOPosix

/// Runs a blocking call (open, an ioctl, a read with a poll deadline, a libusb transfer) on
/// NIO's blocking pool, never on the Swift concurrency pool, keeping its `DeviceError`. The pool
/// fails the call only when it is not running (kioskd shutting down); `otherwise` turns that
/// into the caller's error.
enum Offload {
    static func run<T: Sendable>(
        _ body: @escaping @Sendable () throws(DeviceError) -> T, otherwise: (any Error) -> DeviceError
    ) async throws(DeviceError) -> T {
        do {
            return try await NIOThreadPool.singleton.runIfActive { () throws -> T in try body() }
        } catch let error as DeviceError {
            throw error
        } catch {
            throw otherwise(error)
        }
    }

    /// `what` names the call in the message when the pool is not running.
    static func run<T: Sendable>(_ what: String, _ body: @escaping @Sendable () throws(DeviceError) -> T) async throws(DeviceError) -> T {
        try await run(body) { DeviceError(code: .deviceFault, message: "\(what) could not run: \($0).") }
    }
}
