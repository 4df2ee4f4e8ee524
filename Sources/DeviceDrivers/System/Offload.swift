import NIOPosix

/// Runs a short blocking call (open, an ioctl, a sysfs write) on NIO's blocking pool, never on
/// the Swift concurrency pool, keeping its `DeviceError`.
enum Offload {
    static func run<T: Sendable>(_ what: String, _ body: @escaping @Sendable () throws(DeviceError) -> T) async throws(DeviceError) -> T {
        do {
            return try await NIOThreadPool.singleton.runIfActive { () throws -> T in try body() }
        } catch let error as DeviceError {
            throw error
        } catch {
            throw DeviceError(code: .deviceFault, message: "\(what) could not run: \(error).")
        }
    }
}
