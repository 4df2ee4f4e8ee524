import DeviceDrivers
import KioskConcurrency
import Logging

/// Keeps an input device open until cancelled (KioskConcurrency's `Reopening`, with the input
/// devices' policy): `session` opens it (calling `opened()` once it is) and reads until the
/// device ends or fails; each new cause is logged once and every failure handed to `failed`;
/// the device is opened again after 0.5 s doubling to 30 s, and a successful open starts over.
enum DeviceReopening {
    static let backoff = Backoff(first: .milliseconds(500), longest: .seconds(30))

    static func run(_ device: String, name: String, logger: Logger, failed: (String) async -> Void,
                    session: (_ opened: () -> Void) async throws -> Void) async {
        await Reopening.run(backoff: backoff, clock: ContinuousClock(), failed: { cause, isNew in
            if isNew {
                logger.error("\(name) unavailable; retrying by itself", metadata: ["device.path": "\(device)", "cause": "\(cause)"])
            }
            await failed(cause)
        }, describe: { error in
            switch error {
            case let error as DeviceError: error.message
            case is Reopening.SessionEnded: "'\(device)' ended (its writer closed)"
            default: "\(error)"
            }
        }, session: session)
    }
}
