#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Graphics

/// The simulated printer: one paper, one set of sensors, any number of input connections (TCP
/// clients, a pty). Each connection has its own thread that blocks in read(2), as a printer's
/// input buffer would; a jam stops those threads from reading until it is cleared.
///
/// `@unchecked Sendable`: every mutable field is guarded by `lock`.
public final class PrinterSimulator: @unchecked Sendable {
    private let lock = NSCondition()
    private var state = SimulatedPrinterState()
    private let interpreter: ESCPOSInterpreter
    private let outputDirectory: String
    private var ticketCount = 0
    private var connections: Set<CInt> = []

    public init(widthDots: Int, outputDirectory: String, font: FontFace?) {
        interpreter = ESCPOSInterpreter(widthDots: widthDots, font: font)
        self.outputDirectory = outputDirectory
    }

    /// Serves one connection until the peer closes it. Runs on its own thread.
    public func serve(_ descriptor: CInt) {
        lock.lock(); connections.insert(descriptor); lock.unlock()
        defer {
            lock.lock(); connections.remove(descriptor); lock.unlock()
            close(descriptor)
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            lock.lock()
            while state.jammed { lock.wait() }
            lock.unlock()
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            lock.lock()
            let events = interpreter.feed(Array(buffer[..<count]), state: &state)
            var tickets: [GreyscaleBitmap] = []
            var replies: [UInt8] = []
            for event in events {
                switch event {
                case .reply(let bytes): replies += bytes
                case .cut: tickets.append(interpreter.takeTicket())
                case .ranOutOfPaper: Self.log("the paper ran out while printing; the rest of the job is dropped")
                }
            }
            let first = ticketCount + 1
            ticketCount += tickets.count
            lock.unlock()
            for (offset, ticket) in tickets.enumerated() { save(ticket, number: first + offset) }
            if !replies.isEmpty { writeAll(descriptor, replies) }
        }
    }

    /// Applies a control command and answers with the resulting state.
    public func control(_ command: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if command == "status" { return "ok \(state.summary), \(ticketCount) tickets" }
        let before = state
        guard state.apply(command) else {
            return "error unknown command '\(command)'; use ready, paper-near-end, paper-out, paper-in, paper-remaining DOTS, cover-open, cover-closed, jam, unjam or status"
        }
        lock.broadcast()
        // Automatic status back: printers send the 4 bytes on every change once GS a enabled it.
        if interpreter.automaticStatusBack, state != before {
            for descriptor in connections { writeAll(descriptor, state.automaticStatus) }
        }
        Self.log("state: \(state.summary)")
        return "ok \(state.summary), \(ticketCount) tickets"
    }

    private func save(_ ticket: GreyscaleBitmap, number: Int) {
        guard ticket.height > 0 else { return }
        let name = String(format: "ticket-%04d.png", number)
        let temporary = outputDirectory + "/." + name
        do {
            try PNGFile.write(ticket, to: temporary)
            // Renamed into place so that a reader never sees half a file.
            rename(temporary, outputDirectory + "/" + name)
            Self.log("printed \(name) (\(ticket.height) rows)")
        } catch {
            Self.log("\(error)")
        }
    }

    private func writeAll(_ descriptor: CInt, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

extension PrinterSimulator {
    /// One line on stderr, where kiosk-sim's printer reports what it does.
    public static func log(_ text: String) {
        FileHandle.standardError.write(Data("kiosk-sim printer: \(text)\n".utf8))
    }
}
