import AsyncHTTPClient
import Foundation
import HallProtocol
import KioskTestSupport
import NIOCore
import NIOSSL
import Testing

/// What an enrolled but hostile kiosk, or anyone who can reach the port, once did to the hall:
/// each case crashed it, broke its report or got past its privacy check. Against the real
/// kiosk-hall over loopback TLS.
@Suite(.serialized) struct HallRobustnessTests {
    typealias Caller = HallRefusalTests.Caller

    static func event(_ sequence: Int64, payload: String = "{}") -> WireEvent {
        WireEvent(sequence: sequence, id: UUID().uuidString, kind: "session.started", occurredAtMs: 1_767_000_000_000, payload: payload)
    }

    /// Should refuse sequences near Int64.max with a 422, at every resend, and keep serving: one
    /// such event used to stop the hall (overflow in the batch validator)
    @Test func hugeSequenceIsRefusedAndTheHallStaysUp() async throws {
        let hall = try await HallRefusalTests.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        for events in [[Self.event(.max)], [Self.event(.max - 1), Self.event(.max)]] {
            for _ in 0..<2 {
                let answer = try await caller.post(EventBatch(kioskID: "K-A", events: events), kioskPath: "K-A")
                #expect(answer.status == 422, "\(answer.body)")
                #expect(answer.body.contains("out of range"), "\(answer.body)")
            }
        }
        #expect(hall.process?.process.isRunning == true)
        let good = try await caller.post(EventBatch(kioskID: "K-A", events: HallRefusalTests.events(1...2)), kioskPath: "K-A")
        #expect(good.status == 200, "\(good.body)")
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 2)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a heartbeat whose backlog is near Int.max, storing nothing, so that the
    /// report still opens: one such heartbeat used to crash every later report
    @Test func hugeBacklogHeartbeatIsRefusedAndTheReportStillOpens() async throws {
        let hall = try await HallRefusalTests.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let callerB = try Caller(hall: hall, credentials: hall.directory.file("K-B"), kioskID: "K-B")
        for (who, kiosk) in [(caller, "K-A"), (callerB, "K-B")] {
            let heartbeat = Heartbeat(kioskID: kiosk, sentAtMs: 1_767_000_000_000, softwareVersion: "1.0", lastSequence: 5, unsyncedEvents: .max, devices: [])
            let answer = try await who.call(.POST, HallProtocol.heartbeatPath(kioskID: kiosk), body: Array(try JSONEncoder().encode(heartbeat)))
            #expect(answer.status == 422, "\(answer.body)")
            #expect(answer.body.contains("unsyncedEvents"), "\(answer.body)")
            #expect(try HallDatabase(path: hall.databasePath).lastHeartbeat(kioskID: kiosk) == nil)
        }
        let report = try await caller.call(.GET, "/report?date=2025-12-29")
        #expect(report.status == 200)
        let csv = try await caller.call(.GET, "/report?date=2025-12-29&format=csv")
        #expect(csv.status == 200)
        let printed = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["report", "--state-directory", hall.stateDirectory, "--date", "2025-12-29"], in: hall.directory.path)
        #expect(printed.status == 0, "\(printed.standardError)")
        #expect(hall.process?.process.isRunning == true)
        await caller.shutdown()
        await callerB.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a full ID number written as JSON \u escapes (it used to be stored and shown
    /// in clear on the report page), storing nothing of the batch
    @Test func escapedIDNumberIsRefused() async throws {
        let hall = try await HallRefusalTests.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        // 11010519491231002X, each character escaped.
        let escaped = "11010519491231002X".unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined()
        let batch = EventBatch(kioskID: "K-A", events: [Self.event(1), Self.event(2, payload: #"{"service":"\#(escaped)"}"#)])
        // The payload is JSON text inside the batch: its escapes reach the hall's payload check as
        // written, and only the report's decoding turns them into digits.
        let body = try JSONEncoder().encode(batch)
        let answer = try await caller.call(.POST, HallProtocol.eventsPath(kioskID: "K-A"), body: Array(body))
        #expect(answer.status == 422, "\(answer.body)")
        #expect(answer.body.contains("full ID number"), "\(answer.body)")
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        let page = try await caller.call(.GET, "/report?date=2025-12-29")
        #expect(!page.body.contains("11010519491231002X"))
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should close a connection that never finishes its TLS handshake, one whose request head
    /// stops half-way, and one whose body trickles (408): none may hold a descriptor for long
    @Test func slowClientsAreCutOff() async throws {
        let hall = try await HallRefusalTests.makeHall(extraArguments: ["--handshake-timeout", "1", "--idle-timeout", "3", "--body-timeout", "1"])
        let silent = try await RawConnection.connect(port: hall.port)
        #expect(await silent.closedByServer(within: .seconds(30)), "a silent connection stays open")

        let tls = try Self.kioskTLS(hall, "K-A")
        let halfHead = try await RawConnection.connect(port: hall.port, tls: tls)
        try await halfHead.send("POST \(HallProtocol.heartbeatPath(kioskID: "K-A")) HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        #expect(await halfHead.closedByServer(within: .seconds(30)), "a half-sent request head stays open")

        let trickle = try await RawConnection.connect(port: hall.port, tls: tls)
        try await trickle.send("POST \(HallProtocol.heartbeatPath(kioskID: "K-A")) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"protocolVersion\":")
        #expect(await trickle.closedByServer(within: .seconds(30)), "a trickling body stays open")
        #expect(trickle.receivedText.hasPrefix("HTTP/1.1 408"), "\(trickle.receivedText)")
        #expect(trickle.receivedText.contains("\"error\":\"timeout\""), "\(trickle.receivedText)\n\(hall.process?.standardError ?? "")")

        // The hall still serves a kiosk that behaves.
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let good = try await caller.post(EventBatch(kioskID: "K-A", events: HallRefusalTests.events(1...1)), kioskPath: "K-A")
        #expect(good.status == 200)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse ticket and check-in bodies that speak another protocol version (schemathesis
    /// found a ticket with protocolVersion -58800 numbered A001)
    @Test func countersCheckTheBodysProtocolVersion() async throws {
        let hall = try await HallRefusalTests.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let ticket = TicketRequest(protocolVersion: -58800, kioskID: "K-A", requestID: UUID().uuidString, category: "A", forDate: "2026-03-02")
        let checkIn = CheckInRequest(protocolVersion: 77, kioskID: "K-A", requestID: UUID().uuidString, code: "BK-1", holder: nil, forDate: "2026-03-02")
        for (path, body) in [(HallProtocol.ticketsPath(kioskID: "K-A"), try JSONEncoder().encode(ticket)), (HallProtocol.checkInsPath(kioskID: "K-A"), try JSONEncoder().encode(checkIn))] {
            let answer = try await caller.call(.POST, path, body: Array(body))
            #expect(answer.status == 400, "\(path): \(answer.body)")
            #expect(answer.body.contains("\"error\":\"unsupported_version\""), "\(answer.body)")
        }
        await caller.shutdown()
        _ = await hall.stop()
    }

    static func kioskTLS(_ hall: HallInstance, _ kioskID: String) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(hall.directory.file("trust/hall-ca.pem")))
        let folder = hall.directory.file(kioskID)
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile("\(folder)/\(kioskID).pem").map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: "\(folder)/\(kioskID)-key.pem", format: .pem))
        return tls
    }
}
