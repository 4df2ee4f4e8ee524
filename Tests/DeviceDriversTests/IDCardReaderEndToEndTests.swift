import DeviceDrivers
import Foundation
import KioskSimulation
import KioskTestSupport
import Synchronization
import Testing

/// The driver against a real `kiosk-sim idcard` process over a real pty.
struct IDCardTransportTests {
    /// Should read every sample card type through the pty, field for field
    @Test func readsEveryCardType() async throws {
        let sim = try await KioskSimIDCard()
        let transport = try await SerialReaderTransport.open(sim.linkPath)
        defer { Task { await transport.close() } }
        let samID = try await IDCardReaderSteps.initialise(transport)
        #expect(samID.description == "05.01-20100101-0012345678-1234567890")
        for name in SampleCards.names {
            try sim.send("place \(name)")
            guard case let .read(card, _) = try await IDCardReaderSteps.readPlacedCard(on: transport) else {
                Issue.record("\(name) was not read")
                continue
            }
            #expect(card == IDCard(expecting: SampleCards.all[name]!), "\(name)")
            // Read once: the card stays, but find answers 80 until it is placed again.
            guard case .noCard = try await IDCardReaderSteps.readPlacedCard(on: transport) else {
                Issue.record("\(name) was read twice")
                continue
            }
        }
    }

    /// Should skip a stray byte and garbage before a frame without any error
    @Test(arguments: ["stray-byte", "garbage"])
    func resynchronises(_ fault: String) async throws {
        let sim = try await KioskSimIDCard()
        let transport = try await SerialReaderTransport.open(sim.linkPath)
        defer { Task { await transport.close() } }
        try sim.send("fault \(fault)")
        #expect(try await transport.exchange(.samStatus) == ReaderResponse(status: .success))
    }

    /// Should report a bad checksum as a protocol violation, then work on the next command
    @Test func badChecksumIsAProtocolViolation() async throws {
        let sim = try await KioskSimIDCard()
        let transport = try await SerialReaderTransport.open(sim.linkPath)
        defer { Task { await transport.close() } }
        try sim.send("fault bad-checksum")
        let error = await #expect(throws: DeviceError.self) { try await transport.exchange(.samStatus) }
        #expect(error?.code == .protocolViolation)
        #expect(error?.message.contains("checksum mismatch") == true)
        #expect(try await transport.exchange(.samStatus) == ReaderResponse(status: .success))
    }

    /// Should end a read with 'went away' when the pty closes mid-frame, not hang
    @Test func vanishMidFrame() async throws {
        let sim = try await KioskSimIDCard()
        let transport = try await SerialReaderTransport.open(sim.linkPath)
        defer { Task { await transport.close() } }
        try sim.send("fault vanish")
        let error = await #expect(throws: DeviceError.self) { try await transport.exchange(.readSAMID) }
        #expect(error?.code == .notConnected)
        #expect(error?.message.contains("went away") == true)
    }

    /// Should give a clear error for a path with nothing behind it and for a file that is no tty
    @Test func badDevices() async throws {
        let missing = await #expect(throws: DeviceError.self) { try await SerialReaderTransport.open("/dev/kioskd-no-such-reader") }
        #expect(missing?.code == .notConnected)
        #expect(missing?.message.contains("Nothing at '/dev/kioskd-no-such-reader'") == true)
        let directory = try TemporaryDirectory()
        let file = try directory.write("not-a-tty", "hello")
        let notTTY = await #expect(throws: DeviceError.self) { try await SerialReaderTransport.open(file) }
        #expect(notTTY?.message.contains("is not a serial device") == true)
    }

    /// Should answer garbage on the simulator's control socket with an error and change nothing
    @Test func simulatorControlGarbage() async throws {
        let sim = try await KioskSimIDCard(card: "resident")
        for garbage in ["place nobody", "fault lightning", "status zz", "slow -5", "", "\u{1}\u{2}", String(repeating: "x", count: 5000)] {
            #expect(throws: KioskSimIDCard.KioskSimFailure.self) { try sim.send(garbage) }
        }
        #expect(try sim.send("state").contains("card=present"))
    }

    /// Should keep a second opener out while the reader is open
    @Test func exclusiveOpen() async throws {
        let sim = try await KioskSimIDCard()
        let first = try await SerialReaderTransport.open(sim.linkPath)
        defer { Task { await first.close() } }
        let error = await #expect(throws: DeviceError.self) { try await SerialReaderTransport.open(sim.linkPath) }
        #expect(error?.code == .busy)
    }
}

/// The reader service: polling, once-per-placement reads, removal, faults and recovery.
@Suite(.timeLimit(.minutes(2)))
struct IDCardReaderServiceTests {
    /// Collects a reader's events as they come.
    final class Recorder: Sendable {
        final class Log: Sendable {
            let events = Mutex<[IDCardReaderEvent]>([])
        }

        let log = Log()
        let task: Task<Void, Never>

        init(_ reader: IDCardReader) {
            let log = log
            task = Task {
                for await event in reader.events { log.events.withLock { $0.append(event) } }
            }
        }

        /// Waits until `count` events match `predicate`; returns false after `timeout`.
        // Generous by default: the full suite runs every simulator at once on a 2-core machine.
        func waitFor(count: Int = 1, timeout: Duration = .seconds(60), _ predicate: (IDCardReaderEvent) -> Bool) async -> Bool {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if log.events.withLock({ $0.filter(predicate).count }) >= count { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return false
        }

        func count(_ predicate: (IDCardReaderEvent) -> Bool) -> Int { log.events.withLock { $0.filter(predicate).count } }
    }

    static func isRead(_ event: IDCardReaderEvent) -> Bool { if case .cardRead = event { true } else { false } }
    static func isRemoved(_ event: IDCardReaderEvent) -> Bool { if case .cardRemoved = event { true } else { false } }
    static func isReady(_ event: IDCardReaderEvent) -> Bool { if case .ready = event { true } else { false } }
    static func isFault(_ event: IDCardReaderEvent) -> Bool { if case .fault = event { true } else { false } }

    func start(_ sim: KioskSimIDCard) -> (IDCardReader, Recorder, Task<Void, Never>) {
        let path = sim.linkPath
        let reader = IDCardReader(device: path, polling: .fast) { () async throws(DeviceError) -> any IDCardReaderTransport in
            try await SerialReaderTransport.open(path)
        }
        let recorder = Recorder(reader)
        let task = Task { _ = try? await reader.run() }
        return (reader, recorder, task)
    }

    /// Should read a card left on the reader once, report its removal, and read it again when placed again
    @Test func readsEachPlacementOnce() async throws {
        let sim = try await KioskSimIDCard()
        let (reader, recorder, task) = start(sim)
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        try sim.send("place long-term")
        #expect(await recorder.waitFor(Self.isRead))
        // Several fast polls later, still one read.
        try await Task.sleep(for: .milliseconds(1200))
        #expect(recorder.count(Self.isRead) == 1)
        #expect(reader.snapshot.phase == .cardPresent)
        try sim.send("lift")
        #expect(await recorder.waitFor(Self.isRemoved))
        try sim.send("place long-term")
        #expect(await recorder.waitFor(count: 2, Self.isRead))
        #expect(reader.snapshot.cardsRead == 2)
    }

    /// Should report a card that fails to read with the citizen's message, and read it once placed again
    @Test(arguments: ["41", "31", "32", "33"])
    func cardReadFailure(_ status: String) async throws {
        let sim = try await KioskSimIDCard()
        let (reader, recorder, task) = start(sim)
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        try sim.send("status \(status)")
        try sim.send("place resident")
        let failed = await recorder.waitFor { event in
            if case let .readFailed(error) = event { return error.status.rawValue == UInt8(status, radix: 16) } else { return false }
        }
        #expect(failed)
        #expect(recorder.count(Self.isRead) == 0)
        try sim.send("lift")
        try sim.send("place resident")
        #expect(await recorder.waitFor(Self.isRead))
        #expect(reader.snapshot.readFailures == 1)
    }

    /// Should treat SAM failures (60, 66) as a reader fault, then recover by itself
    @Test(arguments: ["60", "66"])
    func samFaultAndRecovery(_ status: String) async throws {
        let sim = try await KioskSimIDCard()
        let (reader, recorder, task) = start(sim)
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        try sim.send("status \(status)")
        #expect(await recorder.waitFor(Self.isFault))
        #expect(reader.snapshot.phase == .faulted)
        #expect(reader.snapshot.lastError?.contains("SW3 \(status)") == true)
        try sim.send("status clear")
        #expect(await recorder.waitFor(count: 2, Self.isReady))
        try sim.send("place resident")
        #expect(await recorder.waitFor(Self.isRead))
    }

    /// Should time out on a SAM slower than the command's deadline, and recover when it speeds up
    @Test func slowSAM() async throws {
        let sim = try await KioskSimIDCard()
        let (_, recorder, task) = start(sim)
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        try sim.send("slow 1500")
        let timedOut = await recorder.waitFor { event in
            if case let .fault(error) = event { return error.code == .timedOut } else { return false }
        }
        #expect(timedOut)
        try sim.send("slow 0")
        #expect(await recorder.waitFor(count: 2, Self.isReady))
    }

    /// Should report the pty closing mid-frame as a fault once, and reconnect when the reader is back
    @Test func unplugMidFrameThenReconnect() async throws {
        let sim = try await KioskSimIDCard()
        let (reader, recorder, task) = start(sim)
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        try sim.send("fault vanish")
        let gone = await recorder.waitFor { event in
            if case let .fault(error) = event { return error.code == .notConnected } else { return false }
        }
        #expect(gone)
        // While unplugged, retries do not repeat the fault.
        try await Task.sleep(for: .seconds(2))
        #expect(recorder.count(Self.isFault) == 1)
        try sim.send("plug")
        #expect(await recorder.waitFor(count: 2, Self.isReady))
        try sim.send("place permit")
        #expect(await recorder.waitFor(Self.isRead))
        #expect(reader.snapshot.faults == 1)
    }

    /// Should open a reader plugged back in when told a USB device arrived, not at the end of its
    /// retry wait (here an hour, so only the arrival can explain the recovery)
    @Test func arrivalEndsTheRetryWait() async throws {
        let sim = try await KioskSimIDCard()
        let path = sim.linkPath
        let hour = IDCardReader.RetryDelays(first: .seconds(3600), longest: .seconds(3600))
        let reader = IDCardReader(device: path, polling: .fast, retryDelays: hour) { () async throws(DeviceError) -> any IDCardReaderTransport in
            try await SerialReaderTransport.open(path)
        }
        let recorder = Recorder(reader)
        let task = Task { _ = try? await reader.run() }
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        reader.retryNow()  // a working reader ignores arrivals
        try sim.send("fault vanish")
        #expect(await recorder.waitFor(Self.isFault))
        try sim.send("plug")
        try await Task.sleep(for: .seconds(1))
        #expect(recorder.count(Self.isReady) == 1, "the reader came back before anything told it to")
        reader.retryNow()
        #expect(await recorder.waitFor(count: 2, timeout: .seconds(10), Self.isReady), "\(recorder.log.events.withLock { $0 }) \(reader.snapshot)")
        #expect(reader.snapshot.faults == 1)
    }

    /// Should not poll at all while polling is off, and read at once when a screen asks for a card
    @Test func pollingOffThenFast() async throws {
        let sim = try await KioskSimIDCard(card: "resident")
        let path = sim.linkPath
        let reader = IDCardReader(device: path, polling: .off) { () async throws(DeviceError) -> any IDCardReaderTransport in
            try await SerialReaderTransport.open(path)
        }
        let recorder = Recorder(reader)
        let task = Task { _ = try? await reader.run() }
        defer { task.cancel() }
        #expect(await recorder.waitFor(Self.isReady))
        try await Task.sleep(for: .milliseconds(800))
        #expect(recorder.count(Self.isRead) == 0)
        reader.setPolling(.fast)
        // With polling off nothing would ever read it: the bound only catches a hang.
        #expect(await recorder.waitFor(timeout: .seconds(30), Self.isRead))
    }
}
