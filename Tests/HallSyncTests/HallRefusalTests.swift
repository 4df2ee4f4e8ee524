import AsyncHTTPClient
import Foundation
import HallProtocol
import KioskTestSupport
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL
import Testing

/// Requests the hall must refuse with a clear 4xx, storing nothing. The test speaks to the real
/// kiosk-hall over loopback TLS with certificates from `kiosk-hall enroll`.
@Suite(.serialized) struct HallRefusalTests {
    struct Answer {
        var status: Int
        var body: String
        var headers: [(String, String)]
    }

    final class Caller: Sendable {
        let http: HTTPClient
        let base: String

        init(hall: HallInstance, credentials folder: String?, kioskID: String?) throws {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(hall.directory.file("trust/hall-ca.pem")))
            if let folder, let kioskID {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile("\(folder)/\(kioskID).pem").map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: "\(folder)/\(kioskID)-key.pem", format: .pem))
            }
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            configuration.connectionPool.retryConnectionEstablishment = false
            http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            base = hall.url
        }

        func call(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = []) async throws -> Answer {
            var request = HTTPClientRequest(url: base + path)
            request.method = method
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
            let response = try await http.execute(request, timeout: .seconds(30))
            let buffer = try await response.body.collect(upTo: 1 << 20)
            return Answer(status: Int(response.status.code), body: String(buffer: buffer), headers: response.headers.map { ($0.name, $0.value) })
        }

        func post(_ batch: EventBatch, kioskPath: String) async throws -> Answer {
            try await call(.POST, HallProtocol.eventsPath(kioskID: kioskPath), body: Array(try JSONEncoder().encode(batch)))
        }

        func shutdown() async { try? await http.shutdown() }

        /// A test that throws before `shutdown()` must fail alone: AsyncHTTPClient stops the
        /// whole test process when a client is deinitialised running.
        deinit {
            let http = http
            Task { try? await http.shutdown() }
        }
    }

    /// A hall with kiosks K-A and K-B enrolled; the CA is copied to trust/ for the callers.
    static func makeHall(extraArguments: [String] = [], environment: [String: String] = [:]) async throws -> HallInstance {
        let hall = try HallInstance(extraArguments: extraArguments, environment: environment)
        let folder = try await hall.enroll("K-A")
        try await hall.enroll("K-B")
        try FileManager.default.createDirectory(atPath: hall.directory.file("trust"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder + "/hall-ca.pem", toPath: hall.directory.file("trust/hall-ca.pem"))
        try await hall.start()
        return hall
    }

    static func events(_ sequences: ClosedRange<Int64>, kind: String = "session.started", payload: String = "{}") -> [WireEvent] {
        sequences.map { WireEvent(sequence: $0, id: UUID().uuidString, kind: kind, occurredAtMs: 1_767_000_000_000 + $0, payload: payload) }
    }

    /// Should refuse a request without a client certificate with 401 and a message naming the fix
    @Test func noCertificateIsRefused() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: nil, kioskID: nil)
        let answer = try await caller.post(EventBatch(kioskID: "K-A", events: Self.events(1...3)), kioskPath: "K-A")
        #expect(answer.status == 401)
        #expect(answer.body.contains("\"error\":\"unauthenticated\""))
        #expect(answer.body.contains("No client certificate was sent"))
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a certificate issued by another hall's CA at the TLS handshake, storing nothing
    @Test func certificateFromAnotherHallIsRefused() async throws {
        let hall = try await Self.makeHall()
        let other = try HallInstance()
        let forged = try await other.enroll("K-A")  // same kiosk id, wrong CA
        let caller = try Caller(hall: hall, credentials: forged, kioskID: "K-A")
        await #expect(throws: (any Error).self) {
            _ = try await caller.post(EventBatch(kioskID: "K-A", events: Self.events(1...3)), kioskPath: "K-A")
        }
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a revoked kiosk's certificate and, after a new enrollment, the older one,
    /// with 403 and a message naming the fix, storing nothing
    @Test func revokedAndReplacedCertificatesAreRefused() async throws {
        let hall = try await Self.makeHall()
        // Keep K-A's first certificate aside before enrolling it again.
        let old = hall.directory.file("K-A-old")
        try FileManager.default.copyItem(atPath: hall.directory.file("K-A"), toPath: old)
        try await hall.enroll("K-A")
        let oldCaller = try Caller(hall: hall, credentials: old, kioskID: "K-A")
        let replaced = try await oldCaller.post(EventBatch(kioskID: "K-A", events: Self.events(1...3)), kioskPath: "K-A")
        #expect(replaced.status == 403)
        #expect(replaced.body.contains("presented an older certificate"))

        let current = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        #expect(try await current.post(EventBatch(kioskID: "K-A", events: Self.events(1...1)), kioskPath: "K-A").status == 200)
        let revoked = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["revoke", "K-A", "--state-directory", hall.stateDirectory], in: hall.directory.path)
        #expect(revoked.status == 0, "\(revoked.standardError)")
        let refused = try await current.post(EventBatch(kioskID: "K-A", events: Self.events(2...3)), kioskPath: "K-A")
        #expect(refused.status == 403)
        #expect(refused.body.contains("is not enrolled at this hall (or was revoked)"))
        let unknown = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["revoke", "K-NOBODY", "--state-directory", hall.stateDirectory], in: hall.directory.path)
        #expect(unknown.status == 1)
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 1)
        await oldCaller.shutdown()
        await current.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse, with 403 wrong_kiosk, a kiosk sending another kiosk's sequence (in the
    /// batch or in the path), storing nothing
    @Test func anotherKiosksSequenceIsRefused() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let asB = try await caller.post(EventBatch(kioskID: "K-B", events: Self.events(1...3)), kioskPath: "K-B")
        #expect(asB.status == 403)
        #expect(asB.body.contains("\"error\":\"wrong_kiosk\""))
        #expect(asB.body.contains("The client certificate is kiosk 'K-A'"))
        let mixed = try await caller.post(EventBatch(kioskID: "K-B", events: Self.events(1...3)), kioskPath: "K-A")
        #expect(mixed.status == 403)
        let state = try await caller.call(.GET, HallProtocol.syncStatePath(kioskID: "K-B"))
        #expect(state.status == 403)
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse bodies that are not an event batch with 400 malformed, storing nothing
    @Test func malformedJSONIsRefused() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let garbage: [[UInt8]] = [
            [], Array("{".utf8), Array("[]".utf8), Array("null".utf8), Array(#"{"protocolVersion":1}"#.utf8),
            Array(#"{"protocolVersion":1,"kioskID":"K-A","events":[{"sequence":"one"}]}"#.utf8), [0xFF, 0xFE, 0x00, 0x01],
        ]
        for body in garbage {
            let answer = try await caller.call(.POST, HallProtocol.eventsPath(kioskID: "K-A"), body: body)
            #expect(answer.status == 400, "body \(body)")
            #expect(answer.body.contains("\"error\":\"malformed\""))
        }
        let heartbeat = try await caller.call(.POST, HallProtocol.heartbeatPath(kioskID: "K-A"), body: Array("{]".utf8))
        #expect(heartbeat.status == 400)
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        #expect(try HallDatabase(path: hall.databasePath).lastHeartbeat(kioskID: "K-A") == nil)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse a body over the size limit with 413, storing nothing
    @Test func oversizedBodyIsRefused() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: HallProtocol.maximumBodyBytes + 1)
        let answer = try await caller.call(.POST, HallProtocol.eventsPath(kioskID: "K-A"), body: huge)
        #expect(answer.status == 413)
        #expect(answer.body.contains("\"error\":\"too_large\""))
        let tooMany = try await caller.post(EventBatch(kioskID: "K-A", events: Self.events(1...Int64(HallProtocol.maximumBatchEvents + 1))), kioskPath: "K-A")
        #expect(tooMany.status == 413)
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should answer a replayed batch with the same acknowledgement and store nothing twice
    @Test func replayedBatchStoresNothingNew() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let batch = EventBatch(kioskID: "K-A", events: Self.events(1...3))
        let first = try await caller.post(batch, kioskPath: "K-A")
        #expect(first.status == 200)
        #expect(first.body.contains("\"highestContiguousSequence\":3"))
        #expect(first.body.contains("\"stored\":3"))
        let replay = try await caller.post(batch, kioskPath: "K-A")
        #expect(replay.status == 200)
        #expect(replay.body.contains("\"highestContiguousSequence\":3"))
        #expect(replay.body.contains("\"stored\":0"))
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 3)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse with 409 a batch that reuses a stored sequence for another event, storing
    /// none of it
    @Test func conflictingReplayIsRefused() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let original = Self.events(1...3)
        let stored = try await caller.post(EventBatch(kioskID: "K-A", events: original), kioskPath: "K-A")
        #expect(stored.status == 200)
        // Sequence 3 again under a new id, followed by a new sequence 4.
        let forged = Self.events(3...4)
        let answer = try await caller.post(EventBatch(kioskID: "K-A", events: forged), kioskPath: "K-A")
        #expect(answer.status == 409)
        #expect(answer.body.contains("\"error\":\"conflict\""))
        let held = try HallDatabase(path: hall.databasePath).events(kioskID: "K-A")
        #expect(held.map(\.id) == original.map(\.id))
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should refuse batches breaking the event rules (gaps, bad ids, kinds, payloads, a full ID
    /// number, an unknown protocol version) with a 4xx naming the rule, storing nothing
    @Test func invalidEventsAreRefused() async throws {
        let hall = try await Self.makeHall()
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        var gap = Self.events(1...3)
        gap[2].sequence = 5
        var badID = Self.events(1...1)
        badID[0].id = "not-a-uuid"
        let cases: [(EventBatch, Int, String)] = [
            (EventBatch(kioskID: "K-A", events: gap), 422, "not consecutive"),
            (EventBatch(kioskID: "K-A", events: Self.events(0...1)), 422, "not positive"),
            (EventBatch(kioskID: "K-A", events: badID), 422, "malformed id"),
            (EventBatch(kioskID: "K-A", events: Self.events(1...1, kind: "Ticket Issued!")), 422, "malformed kind"),
            (EventBatch(kioskID: "K-A", events: Self.events(1...1, payload: "[1,2]")), 422, "not a JSON object"),
            // 11010519491231002X: a well-known sample number with a valid check digit.
            (EventBatch(kioskID: "K-A", events: Self.events(1...1, payload: #"{"id":"11010519491231002X"}"#)), 422, "full ID number"),
            (EventBatch(protocolVersion: 99, kioskID: "K-A", events: Self.events(1...1)), 400, "protocol version 99"),
        ]
        for (batch, status, message) in cases {
            let answer = try await caller.post(batch, kioskPath: "K-A")
            #expect(answer.status == status, "\(message): \(answer.body)")
            #expect(answer.body.contains(message), "\(answer.body)")
        }
        let header = try await caller.call(.POST, HallProtocol.eventsPath(kioskID: "K-A"), body: Array(try JSONEncoder().encode(EventBatch(kioskID: "K-A", events: Self.events(1...1)))), headers: [(HallProtocol.versionHeader, "2")])
        #expect(header.status == 400)
        #expect(header.body.contains("\"error\":\"unsupported_version\""))
        #expect(try HallDatabase(path: hall.databasePath).eventCount() == 0)
        await caller.shutdown()
        _ = await hall.stop()
    }

    /// Should serve the catalog with an ETag and answer 304 to If-None-Match with that tag
    @Test func catalogHonoursETag() async throws {
        let directory = try TemporaryDirectory()
        let catalog = try directory.write("catalog.json", #"{"version":7,"services":[{"id":"fund","name":"住房公积金提取","location":"2F, zone B, window 12","ticketCategory":"B"}],"ticketCategories":[{"prefix":"B","name":"公积金"}]}"#)
        let hall = try await Self.makeHall(extraArguments: ["--catalog", catalog])
        let caller = try Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        let first = try await caller.call(.GET, HallProtocol.catalogPath)
        #expect(first.status == 200)
        #expect(first.body.contains("住房公积金提取"))
        let etag = try #require(first.headers.first { $0.0.lowercased() == "etag" }?.1)
        let second = try await caller.call(.GET, HallProtocol.catalogPath, headers: [("If-None-Match", etag)])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        let stale = try await caller.call(.GET, HallProtocol.catalogPath, headers: [("If-None-Match", "\"stale\"")])
        #expect(stale.status == 200)
        await caller.shutdown()
        _ = await hall.stop()
    }
}
