#if canImport(Glibc)
import Glibc
#endif
import ControlProtocol
import Foundation
import KioskLogging
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The technicians' control socket: a Unix stream socket, one JSON request line per connection,
/// one JSON answer line back. Runs on NIO's event loop; nothing here blocks the Swift pool.
package struct ControlServer: Service {
    typealias Connection = (peer: PeerCredentials, channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>)

    let path: String
    let serverChannel: NIOAsyncChannel<Connection, Never>
    let policy: TechnicianAccessPolicy
    let statusSource: DaemonStatusSource
    let logger: Logger
    /// Answers printer-status and printer-test (that no printer is configured, when none is).
    let printerCommands: PrinterControlCommands
    /// Answers the screen.* commands; nil when no display is configured.
    let screen: ScreenService?
    /// The daemon's recent log lines, for "logs".
    let logRing: LogRing
    /// The citizen's journey, for "maintenance"; nil without a screen.
    let journey: JourneyInbox?

    /// Connections the kernel queues before kioskd accepts them (capped by net.core.somaxconn,
    /// 4096 on Debian 12).
    static let backlog: Int32 = 4096

    /// A client gets this long to send its request line.
    static let requestTimeout: Duration = .seconds(5)

    /// Binds now, so that a start-up failure (another kioskd, a bad path) stops kioskd before it
    /// reports ready.
    package static func bind(path: String, policy: TechnicianAccessPolicy, statusSource: DaemonStatusSource, printerCommands: PrinterControlCommands, screen: ScreenService?,
                     logRing: LogRing, journey: JourneyInbox?, logger: Logger) async throws -> ControlServer {
        try ControlSocketPath.prepare(path)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            // A Unix socket refuses connect(2) with EAGAIN once its backlog is full: a burst of
            // clients (a script looping kioskctl, a thousand idle ones) must queue, not fail.
            .serverChannelOption(.backlog, value: Self.backlog)
            // A client may send its request and shut down its side (as `socat` does); it must
            // still get the answer.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(unixDomainSocketPath: path) { channel in
                // Read the peer's credentials before anything else: SO_PEERCRED is what the
                // kernel recorded at connect(2), whatever the peer sends later.
                let credentials: EventLoopFuture<PeerCredentials> =
                    (channel as? SocketOptionProvider)?.unsafeGetSocketOption(level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
                    ?? channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
                return credentials.flatMapThrowing { peer in
                    (peer: peer, channel: try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel))
                }
            }
        if let warning = try ControlSocketPath.restrict(path, groupID: policy.groupID) {
            logger.warning("\(warning)", metadata: ["socket.path": "\(path)"])
        }
        return ControlServer(path: path, serverChannel: channel, policy: policy, statusSource: statusSource, logger: logger, printerCommands: printerCommands, screen: screen,
                             logRing: logRing, journey: journey)
    }

    package func run() async throws {
        logger.info("Control socket ready", metadata: ["socket.path": "\(path)", "technician.group": "\(policy.groupName)"])
        try await withGracefulShutdownHandler {
            try await serverChannel.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { await serve(connection) }
                    }
                    // The server was closed for shutdown: drop clients still connected rather
                    // than wait out their request timeout.
                    group.cancelAll()
                }
            }
        } onGracefulShutdown: {
            serverChannel.channel.close(promise: nil)
        }
        unlink(path)
    }

    private func serve(_ connection: Connection) async {
        let peer = connection.peer
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                let decision = try await NIOThreadPool.singleton.runIfActive { policy.decide(peer) }
                if case let .deny(reason) = decision {
                    logger.warning("Refused a control connection", metadata: ["peer.uid": "\(peer.uid)", "peer.pid": "\(peer.pid)", "reason": "\(reason)"])
                    try await outbound.write(ByteBuffer(bytes: try ControlCoding.encodeLine(ControlResponse.failure(.forbidden, "Access denied: \(reason). Run kioskctl as root or join that group."))))
                    return
                }
                let response: ControlResponse
                switch try await Self.readRequestLine(inbound) {
                case .line(let line):
                    response = await answer(line, peer: peer)
                case .tooLong:
                    response = .failure(.badRequest, "The request is longer than \(ControlCoding.maximumLineLength) bytes.")
                case .closed:
                    return
                }
                // Through the channel itself, awaiting the kernel's acceptance of every byte: the
                // async writer returns once a write is queued, and closing then would drop what a
                // full socket buffer still holds (a screenshot is several hundred KiB).
                try await connection.channel.channel.writeAndFlush(ByteBuffer(bytes: try ControlCoding.encodeLine(response))).get()
            }
        } catch {
            logger.debug("Control connection ended with an error", metadata: ["peer.pid": "\(peer.pid)", "error": "\(error)"])
        }
    }

    private func answer(_ line: [UInt8], peer: PeerCredentials) async -> ControlResponse {
        let request: ControlRequest
        do {
            request = try Self.decodeRequest(line)
        } catch {
            logger.notice("Ignored a malformed control request", metadata: ["peer.pid": "\(peer.pid)", "request.bytes": "\(line.count)", "cause": "\(error.code.rawValue)"])
            return ControlResponse(ok: false, error: error)
        }
        return await answer(request.command, peer: peer)
    }

    /// The request on a line, or why it cannot be answered: another wire version is told so
    /// (before its command is read); a command name this kioskd does not know is an unknown
    /// command; anything else that does not decode is a bad request.
    static func decodeRequest(_ line: [UInt8]) throws(ControlFailure) -> ControlRequest {
        guard let probe = try? ControlCoding.decode(ControlRequestVersion.self, from: line) else {
            throw ControlFailure(code: .badRequest, message: "The request is not a JSON object like {\"version\":\(ControlWire.version),\"command\":{\"status\":{}}}.")
        }
        guard probe.version == ControlWire.version else {
            throw ControlFailure(code: .unsupportedVersion, message: "The request speaks control protocol version \(probe.version.map(String.init) ?? "1 (it names none)"); this kioskd speaks \(ControlWire.version). Use the kioskctl that came with this kioskd.")
        }
        do {
            return try ControlCoding.decode(ControlRequest.self, from: line)
        } catch {
            let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
            if let command = object?["command"] as? [String: Any], command.count == 1, let name = command.keys.first, !ControlCommand.names.contains(name) {
                throw ControlFailure(code: .unknownCommand, message: "Unknown command '\(name.prefix(40))'; this kioskd knows: \(ControlCommand.names.joined(separator: ", ")).")
            }
            throw ControlFailure(code: .badRequest, message: "The request's command or its arguments are not as this kioskd reads them: \(Self.describe(error)).")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "missing '\(key.stringValue)'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted(let context)?: context.debugDescription
        default: "\(error)"
        }
    }

    /// Carries out one command; the same dispatch serves every client.
    func answer(_ command: ControlCommand, peer: PeerCredentials) async -> ControlResponse {
        switch command {
        case .status:
            do {
                return ControlResponse(ok: true, status: try await statusSource.status())
            } catch {
                logger.error("Unable to build the status", metadata: ["error": "\(error)"])
                return .failure(.internalError, "\(error)")
            }
        case .cardStatus:
            guard let cardReader = statusSource.cardReader else {
                return .failure(.notConfigured, "This kiosk has no card reader configured ([devices.card_reader] in \(statusSource.configuration.sourcePath)).")
            }
            return ControlResponse(ok: true, cardReader: cardReader.cardReaderStatus())
        case .printerStatus, .printerTest:
            return await printerCommands.answer(command)
        case .syncStatus, .syncNow:
            return await SyncCommands.answer(command, sync: statusSource.sync, hallURL: statusSource.configuration.hallURL)
        case .screenStatus, .screenTestPattern, .screenTouchTest, .screenCalibrate:
            guard let screen else {
                return .failure(.notConfigured, "This kiosk has no display configured ([devices.display] in \(statusSource.configuration.sourcePath)).")
            }
            return await screen.answer(command)
        case .logs(let lines):
            let count = lines ?? 100
            guard (1...logRing.capacity).contains(count) else {
                return .failure(.badRequest, "lines must be a whole number from 1 to \(logRing.capacity), got \(count).")
            }
            return ControlResponse(ok: true, logs: logRing.lines(last: count))
        case .journalStats, .journalExport:
            return await JournalCommands.answer(command, journal: statusSource.journal)
        case let .maintenance(on, reason):
            let response = await MaintenanceCommands.answer(on: on, reason: reason, journey: journey)
            if response.ok { logger.notice("Out of service set by a technician", metadata: ["out_of_service": "\(response.outOfService ?? false)", "peer.uid": "\(peer.uid)"]) }
            return response
        }
    }

    enum RequestRead { case line([UInt8]), tooLong, closed }

    /// Reads up to the first newline, within `requestTimeout`. A line over the length limit is
    /// read to its end and discarded rather than buffered, so that the client still gets its
    /// answer (closing with unread bytes would reset the connection and lose it).
    static func readRequestLine(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async throws -> RequestRead {
        try await withThrowingTaskGroup(of: RequestRead.self) { group in
            group.addTask {
                var received: [UInt8] = []
                var overflowed = false
                for try await var chunk in inbound {
                    let bytes = chunk.readBytes(length: chunk.readableBytes) ?? []
                    let newline = bytes.firstIndex(of: UInt8(ascii: "\n"))
                    if !overflowed { received += bytes[..<(newline ?? bytes.endIndex)] }
                    if received.count > ControlCoding.maximumLineLength {
                        overflowed = true
                        received = []
                    }
                    if newline != nil { return overflowed ? .tooLong : .line(received) }
                }
                // The client half-closed without a newline: take what it sent as the line.
                if overflowed { return .tooLong }
                return received.isEmpty ? .closed : .line(received)
            }
            group.addTask {
                try await Task.sleep(for: requestTimeout)
                return .closed
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
    }
}

extension ControlServer: CustomStringConvertible {
    // ServiceGroup logs services by description; the default one dumps every field.
    package var description: String { "control socket \(path)" }
}
