import CCUPS
import NIOPosix

/// A printer behind CUPS (`cups:QUEUE` on the local scheduler) or an IPP printer directly
/// (`ipp://HOST:PORT/RESOURCE`), driven through libcups with plain IPP requests on its own
/// connection per operation. Jobs are tracked to completion; status comes from printer-state and
/// printer-state-reasons.
public struct CUPSPrinter: PrinterConnection {
    public let uri: PrinterURI
    /// Bounds each connect, read and write.
    public var timeoutSeconds: Double = 3
    /// How long a job may take from submission to "completed" before it is cancelled.
    public var jobTimeout: Duration = .seconds(60)
    /// How often a submitted job's state is asked for. IPP has no cheap push (notifications need a
    /// subscription and a pull anyway), and a ticket prints in a second or two: 4 times a second
    /// is quick to notice and costs a few small requests per ticket.
    public var jobPollInterval: Duration = .milliseconds(250)

    /// The scheduler for cups:QUEUE: a socket path or host name; nil for the one libcups resolves.
    public var server: String?

    public init(uri: PrinterURI, server: String? = nil) {
        self.uri = uri
        self.server = server
    }

    /// Where to connect: the scheduler libcups resolves (CUPS_SERVER, client.conf, default socket)
    /// for cups:QUEUE, the host itself for ipp://.
    func endpoint() -> (host: String, port: Int32, resource: String, printerURI: String) {
        switch uri {
        case .cups(let queue):
            let host = server ?? String(cString: cupsServer())
            return (host, ippPort(), "/printers/\(queue)", "ipp://localhost/printers/\(queue)")
        case let .ipp(host, port, resource):
            return (host, Int32(port), resource, "ipp://\(host):\(port)\(resource)")
        default:
            preconditionFailure("CUPSPrinter serves cups: and ipp: URIs only")
        }
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (CUPSConnection) throws(PrinterError) -> T) async throws(PrinterError) -> T {
        let endpoint = endpoint()
        let name = uri.description
        let timeout = timeoutSeconds
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                let connection = try CUPSConnection(host: endpoint.host, port: endpoint.port, resource: endpoint.resource, printerURI: endpoint.printerURI, name: name, timeoutSeconds: timeout)
                return try body(connection)
            }
        } catch let error as PrinterError {
            throw error
        } catch {
            throw PrinterError(code: .notConnected, message: "Printer '\(name)': \(error)")
        }
    }

    public func status() async throws(PrinterError) -> PrinterStatus {
        try await withConnection { connection throws(PrinterError) in
            let request = connection.request(IPP_OP_GET_PRINTER_ATTRIBUTES)
            let names = ["printer-state", "printer-state-reasons", "printer-is-accepting-jobs"]
            var pointers: [UnsafePointer<CChar>?] = names.map { UnsafePointer(strdup($0)) }
            defer { pointers.forEach { free(UnsafeMutableRawPointer(mutating: $0)) } }
            ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", Int32(names.count), nil, &pointers)
            let response = try connection.send(request)
            return CUPSStatusMapping.status(state: response.integer("printer-state"), reasons: response.strings("printer-state-reasons"))
        }
    }

    public func print(_ job: [UInt8]) async throws(PrinterError) -> PrintReceipt {
        try await print(job, format: "application/vnd.cups-raw")
    }

    /// Prints a document of `format`: "application/vnd.cups-raw" for ESC/POS, "image/png" or
    /// "application/pdf" for page printers (A4 guides). Returns once the job completed.
    public func print(_ document: [UInt8], format: String, jobName: String = "kioskd") async throws(PrinterError) -> PrintReceipt {
        let before = try await status()
        guard before.condition.canPrint else {
            throw PrinterError(code: .notReady, message: "Printer '\(uri)' cannot print: \(before.condition.rawValue); \(before.condition.advice).", status: before)
        }
        let jobID = try await withConnection { connection throws(PrinterError) in
            let request = connection.request(IPP_OP_PRINT_JOB)
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, jobName)
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nil, format)
            let response = try connection.send(request, document: document)
            guard let id = response.integer("job-id") else {
                throw PrinterError(code: .protocolViolation, message: "Printer '\(connection.name)' accepted the job but sent no job-id.")
            }
            return id
        }
        let deadline = ContinuousClock.now + jobTimeout
        while true {
            let (state, reasons) = try await jobState(jobID)
            switch state {
            case Int(IPP_JSTATE_COMPLETED.rawValue):
                // A raw queue marks a job completed when its backend ends, even when the printer
                // behind it aborted the job ("job-canceled-at-device"); the printer's reasons
                // (media-empty, cover-open) are relayed to the queue. Trust those over "completed".
                let after = (try? await status()) ?? before
                let canceledAtDevice = reasons.contains { $0.hasPrefix("job-canceled-at-device") || $0.hasPrefix("aborted-by-system") }
                guard after.condition.canPrint, !canceledAtDevice else {
                    throw PrinterError(code: .jobFailed, message: "Printer '\(uri)': job \(jobID) ended while the printer reports \(after.condition.rawValue) (\(reasons.joined(separator: ", "))); it was not printed completely. \(after.condition.advice).", status: after)
                }
                return PrintReceipt(bytes: document.count, status: after, jobID: jobID)
            case Int(IPP_JSTATE_CANCELED.rawValue), Int(IPP_JSTATE_ABORTED.rawValue):
                let after = try? await status()
                throw PrinterError(code: .jobFailed, message: "Printer '\(uri)': job \(jobID) was \(state == Int(IPP_JSTATE_ABORTED.rawValue) ? "aborted" : "canceled") (\(reasons.joined(separator: ", "))); nothing was printed completely.\(after.map { " The printer reports \($0.condition.rawValue): \($0.condition.advice)." } ?? "")", status: after)
            default:
                break
            }
            if ContinuousClock.now >= deadline {
                try? await cancel(jobID)
                throw PrinterError(code: .timedOut, message: "Printer '\(uri)': job \(jobID) did not finish within \(jobTimeout) (state \(state), \(reasons.joined(separator: ", "))) and was cancelled; check the printer.")
            }
            try? await Task.sleep(for: jobPollInterval)
        }
    }

    /// job-state and job-state-reasons of one job.
    public func jobState(_ jobID: Int) async throws(PrinterError) -> (state: Int, reasons: [String]) {
        try await withConnection { connection throws(PrinterError) in
            let request = connection.request(IPP_OP_GET_JOB_ATTRIBUTES)
            ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(jobID))
            let response = try connection.send(request)
            return (response.integer("job-state") ?? 0, response.strings("job-state-reasons"))
        }
    }

    /// Cancels one job (Cancel-Job, as cupsCancelJob2 sends it, on this connection).
    public func cancel(_ jobID: Int) async throws(PrinterError) {
        try await withConnection { connection throws(PrinterError) in
            let request = connection.request(IPP_OP_CANCEL_JOB)
            ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(jobID))
            _ = try connection.send(request)
        }
    }

    public func close() async {}
}
