import ControlProtocol
import Foundation
import Synchronization

/// Serves a `SimulatedIDCardReader` on a pty, or on a Unix socket that something else listens on
/// (`connectPath`: QEMU's usb-serial chardev, where connecting plugs a USB-serial reader into the
/// guest and closing unplugs it), one thread per side: the line thread answers command frames,
/// the control thread takes commands from a Unix socket. kiosk-sim is a test tool, so plain
/// blocking threads are the simplest honest choice here.
public final class IDCardSimulator: @unchecked Sendable {
    public enum Fault: String, Sendable { case strayByte = "stray-byte", garbage, badChecksum = "bad-checksum", vanish }

    private struct State {
        var reader = SimulatedIDCardReader()
        var nextFault: Fault?
        var delayMilliseconds = 0
        var master: Int32 = -1
        var slave: Int32 = -1
        var ptyPath = ""
    }

    private let state = Mutex(State())
    public let controlPath: String
    public let linkPath: String?
    public let connectPath: String?
    public let paceBaud: Int

    public init(controlPath: String, linkPath: String?, connectPath: String? = nil, paceBaud: Int) throws {
        self.controlPath = controlPath
        self.linkPath = linkPath
        self.connectPath = connectPath
        self.paceBaud = paceBaud
        // A write racing the other end's close would raise SIGPIPE and end kiosk-sim silently;
        // ignored, it fails with EPIPE and the line thread ends as it does for a closed pty.
        if connectPath != nil { signal(SIGPIPE, SIG_IGN) }
    }

    public func announce() {
        let path = state.withLock { $0.ptyPath }
        var text = connectPath == nil ? "pty \(path)\n" : "socket \(path)\n"
        text += "control \(controlPath)\n"
        if let linkPath { text += "link \(linkPath)\n" }
        // Unbuffered: the caller reads these lines while kiosk-sim keeps running.
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    // MARK: The pty

    /// Opens a new pty (or connects to `connectPath`) and starts answering on it; repoints the link.
    public func plug() throws {
        if let connectPath {
            let line = try Self.connect(to: connectPath)
            state.withLock { state in
                state.master = line
                state.slave = -1
                state.ptyPath = connectPath
            }
            Thread.detachNewThread { [self] in answerFrames(master: line) }
            return
        }
        // posix_openpt and friends are not visible to Swift's Glibc module; these are the
        // ioctls they wrap on Linux (grantpt is a no-op with devpts).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0,
              ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0
        else { throw SimulatorError("cannot open a pty: \(String(cString: strerror(errno)))") }
        let path = "/dev/pts/\(number)"
        // Hold the slave open and raw so that the master never sees EIO between reader
        // reconnects, and bytes pass unchanged before the reader sets its own mode.
        let slave = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        var options = termios()
        tcgetattr(slave, &options)
        cfmakeraw(&options)
        tcsetattr(slave, TCSANOW, &options)
        state.withLock { state in
            state.master = master
            state.slave = slave
            state.ptyPath = path
        }
        if let linkPath {
            let temporary = linkPath + ".new"
            unlink(temporary)
            symlink(path, temporary)
            rename(temporary, linkPath)
        }
        Thread.detachNewThread { [self] in answerFrames(master: master) }
    }

    /// Connects to the Unix socket a virtual machine's serial device listens on, waiting up to
    /// 30 s for it to appear (the machine may still be starting).
    private static func connect(to path: String) throws -> Int32 {
        let deadline = Date().addingTimeInterval(30)
        while true {
            switch UnixSocket.connect(to: path) {
            case .success(let fd):
                return fd
            case .failure(let error) where (error.code == ENOENT || error.code == ECONNREFUSED) && Date() < deadline:
                usleep(100_000)
            case .failure(let error):
                throw SimulatorError("cannot connect to '\(path)': \(error)")
            }
        }
    }

    /// Closes the pty (or the socket): the reader's next read fails as if its cable were pulled.
    public func unplug() {
        let (master, slave) = state.withLock { state -> (Int32, Int32) in
            defer { state.master = -1; state.slave = -1 }
            return (state.master, state.slave)
        }
        // close(2) alone would not wake the line thread blocked in read(2) on a socket, and the
        // socket would stay connected (the USB device plugged) until that read returned.
        if master >= 0 && connectPath != nil { shutdown(master, Int32(SHUT_RDWR)) }
        if master >= 0 { close(master) }
        if slave >= 0 { close(slave) }
        // The link goes with the device, as udev removes /dev/kiosk/ links: the kernel hands the
        // freed pty number to the next pty opened, which may be another simulator's.
        if let linkPath { unlink(linkPath) }
    }

    private func answerFrames(master: Int32) {
        var frames = SAMCommandReader()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                return  // unplugged
            }
            frames.append(buffer[0..<count])
            while let item = frames.next() {
                let answer: SimulatedIDCardReader.Answer
                switch item {
                case .command(let body):
                    answer = state.withLock { $0.reader.respond(toCommandBody: body) }
                case .checksumError:
                    answer = SimulatedIDCardReader.Answer(.checksumWrong)
                case .lengthError:
                    answer = SimulatedIDCardReader.Answer(.lengthWrong)
                }
                guard send(SAMFrames.response(status: answer.status, data: answer.data), master: master) else { return }
            }
        }
    }

    /// Writes one answer, spoiled by a pending fault, paced and delayed as configured.
    /// Returns false when the pty is gone.
    private func send(_ frame: [UInt8], master: Int32) -> Bool {
        let (fault, delay) = state.withLock { state -> (Fault?, Int) in
            defer { state.nextFault = nil }
            return (state.nextFault, state.delayMilliseconds)
        }
        if delay > 0 { usleep(UInt32(delay) * 1000) }
        var bytes = frame
        switch fault {
        case .strayByte?: bytes = [0xAA, 0x00] + frame.dropFirst()  // as captured: AA 00 AA AA 96 69 …
        case .garbage?: bytes = (0..<37).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) } + frame
        case .badChecksum?: bytes[bytes.count - 1] ^= 0xFF
        case .vanish?:
            _ = write(bytes: Array(frame.prefix(frame.count / 2)), to: master)
            unplug()
            return false
        case nil: break
        }
        return write(bytes: bytes, to: master)
    }

    private func write(bytes: [UInt8], to master: Int32) -> Bool {
        // At a pace: 10 bits per byte on an 8N1 line.
        let chunk = paceBaud > 0 ? 64 : bytes.count
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            let written = bytes[offset..<end].withUnsafeBytes { Foundation.write(master, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            if paceBaud > 0 { usleep(UInt32(written * 10 * 1_000_000 / paceBaud)) }
            offset += written
        }
        return true
    }

    // MARK: Control

    public func serveControl() throws {
        unlink(controlPath)
        let listener: Int32
        switch UnixSocket.bind(controlPath) {
        case .success(let fd): listener = fd
        case .failure(let error): throw SimulatorError("cannot listen on '\(controlPath)': \(error)")
        }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { [self] in serveClient(client) }
        }
    }

    private func serveClient(_ client: Int32) {
        defer { close(client) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                let answer = handle(command: line.trimmingCharacters(in: .whitespaces)) + "\n"
                _ = answer.utf8CString.withUnsafeBytes { Foundation.write(client, $0.baseAddress, $0.count - 1) }
            }
        }
    }

    /// Carries out one control command and returns "ok …" or "error …".
    @discardableResult
    public func handle(command line: String) -> String {
        let words = line.split(separator: " ").map(String.init)
        switch (words.first, words.count) {
        case ("place", 2):
            guard let card = SampleCards.all[words[1]] else { return "error unknown card '\(words[1])'" }
            state.withLock { $0.reader.place(card) }
            return "ok placed \(words[1])"
        case ("lift", 1):
            state.withLock { $0.reader.lift() }
            return "ok lifted"
        case ("fault", 2):
            guard let fault = Fault(rawValue: words[1]) else { return "error unknown fault '\(words[1])'" }
            state.withLock { $0.nextFault = fault }
            return "ok next answer: \(fault.rawValue)"
        case ("status", 2) where words[1] == "clear":
            state.withLock { $0.reader.samFault = nil }
            return "ok SAM healthy"
        case ("status", 2):
            guard let code = UInt8(words[1], radix: 16) else { return "error status takes a hex byte, e.g. 41" }
            let status = SAMStatus(rawValue: code)
            state.withLock { state in
                if status.failsEveryCommand { state.reader.samFault = status } else { state.reader.nextReadFault = status }
            }
            return "ok status \(status)"
        case ("slow", 2):
            guard let milliseconds = Int(words[1]), milliseconds >= 0 else { return "error slow takes milliseconds" }
            state.withLock { $0.delayMilliseconds = milliseconds }
            return "ok delay \(milliseconds) ms"
        case ("unplug", 1):
            unplug()
            return "ok unplugged"
        case ("plug", 1):
            do {
                try plug()
                return "ok \(connectPath == nil ? "pty" : "socket") \(state.withLock { $0.ptyPath })"
            } catch {
                return "error \(error)"
            }
        case ("state", 1):
            return state.withLock { "ok card=\($0.reader.cardState.rawValue) \(connectPath == nil ? "pty" : "socket")=\($0.master >= 0 ? $0.ptyPath : "unplugged")" }
        default:
            return "error unknown command '\(line)'"
        }
    }
}

public struct SimulatorError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
