/// An ESC/POS printer on a byte stream (TCP, usblp, libusb, file). Status comes from DLE EOT 1..4
/// (or the kiosk printers' full status when the profile has a presenter); replies are picked out of
/// the IN stream by `PrinterReplyDecoder`, so automatic status bytes never corrupt them.
public actor ESCPOSStreamPrinter: PrinterConnection {
    public nonisolated let uri: PrinterURI
    let stream: any PrinterByteStream
    let profile: PrinterProfile
    /// How long one status byte may take: real printers answer DLE EOT in a few milliseconds,
    /// even while printing, because it is a real-time command.
    let replyTimeout: Duration
    private var decoder = PrinterReplyDecoder()

    public init(uri: PrinterURI, stream: any PrinterByteStream, profile: PrinterProfile, replyTimeout: Duration = .seconds(1)) {
        self.uri = uri
        self.stream = stream
        self.profile = profile
        self.replyTimeout = replyTimeout
    }

    public func status() async throws(PrinterError) -> PrinterStatus {
        try await status(firstReplyWithin: replyTimeout)
    }

    /// The status, waiting up to `firstReplyWithin` for the first reply (the later requests of
    /// the round get `replyTimeout` each).
    func status(firstReplyWithin firstWait: Duration) async throws(PrinterError) -> PrinterStatus {
        guard stream.canRead else {
            // A file takes every byte: report it ready, and say why there is no real status.
            return PrinterStatus(condition: .ready, raw: "\(uri) carries no status")
        }
        if profile.presenter, let full = try await requestFullStatus(within: firstWait) { return full.status }
        var status = RealTimeStatus()
        status.printer = try await requestRealTime(.printer, within: firstWait)
        // A printer that answers nothing is gone or jammed; do not wait for three more timeouts.
        guard status.printer != nil else {
            return PrinterStatus(condition: .unknown, raw: "no answer to DLE EOT 1 within \(firstWait)")
        }
        status.offlineCause = try await requestRealTime(.offlineCause)
        status.error = try await requestRealTime(.error)
        status.paperSensor = try await requestRealTime(.paperSensor)
        return status.status
    }

    public func print(_ job: [UInt8]) async throws(PrinterError) -> PrintReceipt {
        let before = try await status()
        guard before.condition.canPrint else {
            throw PrinterError(code: .notReady, message: "Printer '\(uri)' cannot print: \(before.condition.rawValue); \(before.condition.advice).", status: before)
        }
        // About 50 kB/s is the slowest printing we allow (a 80 mm raster receipt prints at 100+ kB/s).
        let timeout = Duration.seconds(5) + .milliseconds(job.count / 50)
        try await stream.write(job, timeout: timeout)
        guard stream.canRead else { return PrintReceipt(bytes: job.count, status: before) }
        // The kernel took the job's bytes, but they may still be on their way to the printer (it
        // reads at its own pace), and it answers only after them: the first replies after a job
        // get as long as the job's transfer may take.
        try await discardStrayReplies(Self.statusRequests(in: job), within: timeout)
        // DLE EOT is answered in order with the data before it, so this status is after the job.
        let after = try await status(firstReplyWithin: timeout)
        guard after.condition.canPrint else {
            throw PrinterError(code: .jobFailed, message: "Printer '\(uri)' reported \(after.condition.rawValue) during the job; the ticket was not printed completely. \(after.condition.advice.prefix(1).uppercased() + after.condition.advice.dropFirst()).", status: after)
        }
        return PrintReceipt(bytes: job.count, status: after)
    }

    public func close() async { await stream.close() }

    /// Reads and drops the replies the printer owes for `count` DLE EOT sequences inside a job's
    /// data. Printers answer every 10 04 n in the stream, even one that happens to occur inside
    /// raster data (docs/protocols/escpos.md, "Status"); unread, such a reply would be taken for the answer to the
    /// next status request. Gives up after `wait` (a printer that stopped answering).
    func discardStrayReplies(_ count: Int, within wait: Duration) async throws(PrinterError) {
        var left = count
        let deadline = ContinuousClock.now + wait
        while left > 0, ContinuousClock.now < deadline {
            let bytes = try await stream.read(maximum: 256, timeout: deadline - ContinuousClock.now)
            for reply in decoder.feed(bytes) {
                if case .realTime = reply { left -= 1 }
            }
        }
    }

    /// How many real-time status requests (10 04 1..4) the bytes contain, by accident or not.
    static func statusRequests(in bytes: [UInt8]) -> Int {
        guard bytes.count >= 3 else { return 0 }
        var count = 0
        for index in 0..<(bytes.count - 2) where bytes[index] == 0x10 && bytes[index + 1] == 0x04 && (1...4).contains(bytes[index + 2]) {
            count += 1
        }
        return count
    }

    /// Sends DLE EOT n and waits (by default `replyTimeout`) for its reply byte; nil when none
    /// came in time.
    func requestRealTime(_ kind: RealTimeStatusKind, within wait: Duration? = nil) async throws(PrinterError) -> UInt8? {
        try await stream.write([0x10, 0x04, kind.rawValue], timeout: wait ?? replyTimeout)
        let deadline = ContinuousClock.now + (wait ?? replyTimeout)
        while ContinuousClock.now < deadline {
            let bytes = try await stream.read(maximum: 64, timeout: deadline - ContinuousClock.now)
            for reply in decoder.feed(bytes) {
                if case .realTime(let byte) = reply { return byte }
            }
        }
        return nil
    }

    func requestFullStatus(within wait: Duration) async throws(PrinterError) -> FullStatus? {
        decoder.expectingFullStatus = true
        defer { decoder.expectingFullStatus = false }
        try await stream.write([0x10, 0x04, RealTimeStatusKind.full.rawValue], timeout: wait)
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            let bytes = try await stream.read(maximum: 64, timeout: deadline - ContinuousClock.now)
            for reply in decoder.feed(bytes) {
                if case .full(let full) = reply { return full }
            }
        }
        return nil
    }
}
