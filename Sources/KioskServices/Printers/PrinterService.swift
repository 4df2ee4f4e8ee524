import ControlProtocol
import DeviceDrivers
import Foundation
import Journal
import KioskConfiguration
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps one printer's status current and prints on it. One task (`run`) owns the connection:
/// status polls and print jobs reach it through one queue and run one at a time, so a poll's
/// DLE EOT never lands in the middle of a job's bytes.
///
/// The printer is "degraded" (its summary state is not "ready") while it reports paper out, cover
/// open, an error or cannot be reached, and becomes ready again by itself when a poll says so.
package final class PrinterService: Service, DeviceStatusReporting {
    let configuration: PrinterConfiguration
    let kioskID: String
    let logger: Logger
    /// Each change of state is recorded, so that the hall sees printer faults (DESIGN invariant 3).
    let journal: Journal?
    /// How often the printer is asked for its status while nothing else happens. ESC/POS printers
    /// on USB or TCP push nothing we can rely on (automatic status back is optional and lost on a
    /// reconnect), and CUPS has no cheap push either; a DLE EOT round costs 12 bytes and a few
    /// milliseconds. Every 5 s means the screen stops offering printing within seconds of the
    /// paper running out, and an unplugged printer is found again as quickly.
    let pollInterval: Duration

    /// Told each new state ("ready", "paper out", "not connected", …), and the first one: the
    /// journey stops offering printing while the printer cannot print.
    let stateObserver: (@Sendable (String) -> Void)?

    private let snapshot: Mutex<Snapshot>
    private let requests: AsyncStream<Request>
    private let requestContinuation: AsyncStream<Request>.Continuation

    struct Snapshot: Sendable {
        var status: PrinterStatus = .unknown
        var connected = false
        var printed = 0
        var failed = 0
        var lastError: String?
        var lastErrorAt: Date?
        /// The first poll's state has been told to `stateObserver`.
        var announced = false
    }

    enum Request: Sendable {
        case poll
        case refresh(CheckedContinuation<Void, Never>)
        case print([UInt8], CheckedContinuation<PrintReceipt, any Error>)
    }

    package init(configuration: PrinterConfiguration, kioskID: String, journal: Journal?, logger: Logger, pollInterval: Duration = .seconds(5),
         stateObserver: (@Sendable (String) -> Void)? = nil) {
        self.configuration = configuration
        self.stateObserver = stateObserver
        self.kioskID = kioskID
        self.journal = journal
        var logger = logger
        logger[metadataKey: "device.name"] = "\(configuration.name)"
        logger[metadataKey: "device.uri"] = "\(configuration.uri)"
        self.logger = logger
        self.pollInterval = pollInterval
        snapshot = Mutex(Snapshot())
        (requests, requestContinuation) = AsyncStream.makeStream(of: Request.self, bufferingPolicy: .unbounded)
    }

    package var name: String { configuration.name }

    package func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [requestContinuation, pollInterval] in
                while !Task.isCancelled {
                    requestContinuation.yield(.poll)
                    try? await Task.sleep(for: pollInterval)
                }
            }
            await cancelWhenGracefulShutdown {
                await self.serveRequests()
            }
            group.cancelAll()
        }
        // Answer whatever is still queued, so that no control connection waits for a printer
        // that will not run again (run() itself is not cancelled by a graceful shutdown).
        requestContinuation.finish()
        for await request in requests {
            switch request {
            case .poll: break
            case .refresh(let done): done.resume()
            case .print(_, let reply): reply.resume(throwing: PrinterError(code: .notConnected, message: "Printer '\(name)' was not used: kioskd is shutting down."))
            }
        }
    }

    private func serveRequests() async {
        var connection: (any PrinterConnection)?
        for await request in requests {
            switch request {
            case .poll:
                await refresh(&connection)
            case .refresh(let done):
                await refresh(&connection)
                done.resume()
            case let .print(job, reply):
                do {
                    reply.resume(returning: try await print(job, on: &connection))
                } catch {
                    reply.resume(throwing: error)
                }
            }
        }
        await connection?.close()
    }

    /// Prints `document` with this printer's profile; returns when the printer confirmed it.
    func print(_ document: PrintDocument) async throws -> PrintReceipt {
        let job = try document.escposBytes(for: configuration.profile)
        return try await withCheckedThrowingContinuation { reply in
            if case .terminated = requestContinuation.yield(.print(job, reply)) {
                reply.resume(throwing: PrinterError(code: .notConnected, message: "Printer '\(name)' is shutting down with kioskd."))
            }
        }
    }

    /// Asks for the status at the next turn of the queue, without waiting for it: a USB device
    /// arrived, and a printer that was unplugged is found again at once rather than at the next poll.
    package func pollSoon() {
        requestContinuation.yield(.poll)
    }

    /// Reads the status now (through the queue, after any job in progress).
    func refreshStatus() async {
        await withCheckedContinuation { done in
            if case .terminated = requestContinuation.yield(.refresh(done)) { done.resume() }
        }
    }

    private func connect(_ connection: inout (any PrinterConnection)?) async throws(PrinterError) -> any PrinterConnection {
        if let connection { return connection }
        let opened = try await PrinterConnector.open(configuration.uri, profile: configuration.profile)
        connection = opened
        return opened
    }

    private func refresh(_ connection: inout (any PrinterConnection)?) async {
        do {
            let printer = try await connect(&connection)
            await update(status: try await printer.status(), error: nil)
        } catch {
            await connection?.close()
            connection = nil
            await update(status: nil, error: error)
        }
    }

    private func print(_ job: [UInt8], on connection: inout (any PrinterConnection)?) async throws -> PrintReceipt {
        do {
            let printer = try await connect(&connection)
            let receipt = try await printer.print(job)
            snapshot.withLock { $0.printed += 1 }
            await update(status: receipt.status, error: nil)
            logger.info("Printed a job", metadata: ["job.bytes": "\(receipt.bytes)", "job.id": "\(receipt.jobID.map(String.init) ?? "-")"])
            return receipt
        } catch {
            snapshot.withLock { $0.failed += 1 }
            if error.code == .notConnected || error.code == .timedOut {
                // Start over with a fresh connection on the next poll.
                await connection?.close()
                connection = nil
            }
            await update(status: error.status, error: error)
            logger.error("A print job failed", metadata: ["error": "\(error.message)"])
            throw error
        }
    }

    /// Records a new status (or the failure to get one) and logs a change once.
    private func update(status: PrinterStatus?, error: PrinterError?) async {
        let (before, after, firstTime) = snapshot.withLock { snapshot -> (String, String, Bool) in
            let before = Self.state(of: snapshot)
            if let status { snapshot.status = status }
            snapshot.connected = error.map { $0.code != .notConnected && $0.code != .timedOut } ?? true
            if let error {
                snapshot.lastError = error.message
                snapshot.lastErrorAt = Date()
            }
            defer { snapshot.announced = true }
            return (before, Self.state(of: snapshot), !snapshot.announced)
        }
        if before != after || firstTime { stateObserver?(after) }
        guard before != after else { return }
        let current = snapshot.withLock { $0 }
        await record(state: after, snapshot: current)
        if after == "ready" {
            logger.notice("Printer is ready", metadata: ["printer.state": "\(after)", "printer.status": "\(current.status.raw)"])
        } else if after == "not connected" {
            logger.warning("Printer cannot be reached; retrying every \(pollInterval)", metadata: ["printer.state": "\(after)", "error": "\(current.lastError ?? "")"])
        } else {
            logger.warning("Printer is \(after): \(current.status.condition.advice)", metadata: ["printer.state": "\(after)", "printer.status": "\(current.status.raw)"])
        }
    }

    private func record(state: String, snapshot: Snapshot) async {
        guard let journal else { return }
        let payload = PrinterStateChange(printer: name, state: state, status: snapshot.status.raw, error: snapshot.connected ? nil : snapshot.lastError)
        do {
            _ = try await journal.append(.printerStateChanged, payload: payload)
        } catch {
            logger.error("Unable to record the printer's new state in the journal", metadata: ["error": "\(error)"])
        }
    }

    private static func state(of snapshot: Snapshot) -> String {
        snapshot.connected ? snapshot.status.condition.rawValue : "not connected"
    }

    package func deviceSummaries() async -> [DeviceSummary] {
        let current = snapshot.withLock { $0 }
        return [DeviceSummary(name: "Printer \(name)", kind: "printer", path: configuration.uri.description, state: Self.state(of: current), lastError: current.lastError,
                              model: configuration.profile.description, lastErrorAt: current.lastErrorAt,
                              counters: ["printed": current.printed, "failed": current.failed])]
    }

    func report() -> PrinterReport {
        let current = snapshot.withLock { $0 }
        let advice = current.connected ? current.status.condition.advice : "check the printer's power, cable and the uri in the configuration"
        return PrinterReport(name: name, uri: configuration.uri.description, state: Self.state(of: current), raw: current.status.raw, advice: advice,
                             profile: configuration.profile.description, printed: current.printed, failed: current.failed, lastError: current.lastError)
    }
}
