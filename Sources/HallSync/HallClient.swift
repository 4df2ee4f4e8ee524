import AsyncHTTPClient
import Foundation
import HallProtocol
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL

/// The kiosk's side of the hall protocol over HTTPS, presenting the kiosk's client certificate
/// and trusting only the hall's CA.
public final class HallClient: Sendable {
    let http: HTTPClient
    let baseURL: String
    let kioskID: String

    /// Reads the certificate files. Blocks: call it from a thread that may block.
    public init(baseURL: String, kioskID: String, certificatePath: String, keyPath: String, caPath: String) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem))
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caPath))
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        // The sync service retries with its own backoff and reports each failure; AHC's own
        // retries would hold a request for the whole connect timeout while the hall is down.
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.kioskID = kioskID
    }

    /// A client dropped without `shutdown()` (a task that threw on its way) still shuts its
    /// HTTP client down: AsyncHTTPClient stops the process when one is deinitialised running.
    deinit {
        let http = http
        Task { try? await http.shutdown() }
    }

    public func shutdown() async {
        try? await http.shutdown()
    }

    public func send(_ batch: EventBatch) async throws(HallClientError) -> BatchAcknowledgement {
        let (status, _, body) = try await execute(.POST, HallProtocol.eventsPath(kioskID: kioskID), body: batch)
        return try Self.bounded(try decode(BatchAcknowledgement.self, status: status, body: body, what: "a batch of \(batch.events.count) events"))
    }

    public func syncState() async throws(HallClientError) -> BatchAcknowledgement {
        let (status, _, body) = try await execute(.GET, HallProtocol.syncStatePath(kioskID: kioskID), body: Optional<Heartbeat>.none)
        return try Self.bounded(try decode(BatchAcknowledgement.self, status: status, body: body, what: "the sync state"))
    }

    /// The journal marks and re-sends by the hall's sequence: one out of the protocol's range is
    /// a broken hall, never a reason to mark the whole journal synced.
    static func bounded(_ acknowledgement: BatchAcknowledgement) throws(HallClientError) -> BatchAcknowledgement {
        guard (0...HallProtocol.maximumSequence).contains(acknowledgement.highestContiguousSequence) else {
            throw HallClientError(code: .hallFailed, "The hall answered highest contiguous sequence \(acknowledgement.highestContiguousSequence), outside 0...\(HallProtocol.maximumSequence); nothing was marked synced. Check the hall's version and database.")
        }
        return acknowledgement
    }

    public func send(_ heartbeat: Heartbeat) async throws(HallClientError) {
        let (status, _, body) = try await execute(.POST, HallProtocol.heartbeatPath(kioskID: kioskID), body: heartbeat)
        guard (200..<300).contains(status) else { throw refusal(status: status, body: body, what: "a heartbeat") }
    }

    /// A queue number from the hall. Send the same `requestID` again after a lost answer.
    /// A citizen waits for it: pass a short `timeout`.
    public func ticket(category: String, forDate: String, requestID: String, timeout: Duration = .seconds(60)) async throws(HallClientError) -> TicketAssignment {
        let request = TicketRequest(kioskID: kioskID, requestID: requestID, category: category, forDate: forDate)
        let (status, _, body) = try await execute(.POST, HallProtocol.ticketsPath(kioskID: kioskID), body: request, timeout: timeout)
        return try decode(TicketAssignment.self, status: status, body: body, what: "a ticket request")
    }

    /// A case's progress; nil when the hall has no such case.
    public func progress(caseNumber: String, timeout: Duration = .seconds(60)) async throws(HallClientError) -> CaseProgress? {
        let (status, _, body) = try await execute(.GET, HallProtocol.progressPath(caseNumber: caseNumber), body: Optional<Heartbeat>.none, timeout: timeout)
        if status == 404 { return nil }
        return try decode(CaseProgress.self, status: status, body: body, what: "a progress inquiry")
    }

    /// Checks in today's booking by its QR code or the holder's keyed hash; nil when the hall has
    /// none. Send the same `requestID` again after a lost answer.
    public func checkIn(code: String?, holder: String?, forDate: String, requestID: String, timeout: Duration = .seconds(60)) async throws(HallClientError) -> CheckInAnswer? {
        let request = CheckInRequest(kioskID: kioskID, requestID: requestID, code: code, holder: holder, forDate: forDate)
        let (status, _, body) = try await execute(.POST, HallProtocol.checkInsPath(kioskID: kioskID), body: request, timeout: timeout)
        if status == 404 { return nil }
        return try decode(CheckInAnswer.self, status: status, body: body, what: "a booking check-in")
    }

    public enum CatalogAnswer: Sendable {
        case unchanged
        case changed(bytes: [UInt8], etag: String?)
    }

    public func catalog(ifNoneMatch etag: String?) async throws(HallClientError) -> CatalogAnswer {
        var headers = HTTPHeaders()
        if let etag { headers.add(name: "If-None-Match", value: etag) }
        let (status, responseHeaders, body) = try await execute(.GET, HallProtocol.catalogPath, body: Optional<Heartbeat>.none, headers: headers)
        if status == 304 { return .unchanged }
        guard status == 200 else { throw refusal(status: status, body: body, what: "the catalog") }
        do {
            _ = try JSONDecoder().decode(Catalog.self, from: Data(body))
        } catch {
            throw HallClientError(code: .hallFailed, status: status, "The hall at \(baseURL) sent a catalog this kioskd cannot read: \(error). Keeping the cached one.")
        }
        return .changed(bytes: body, etag: responseHeaders.first(name: "ETag"))
    }

    // MARK: Helpers

    private func execute(_ method: HTTPMethod, _ path: String, body: (some Encodable)?, headers: HTTPHeaders = [:], timeout: Duration = .seconds(60)) async throws(HallClientError) -> (Int, HTTPHeaders, [UInt8]) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers = headers
        request.headers.add(name: HallProtocol.versionHeader, value: "\(HallProtocol.version)")
        if let body {
            guard let data = try? JSONEncoder().encode(body) else {
                throw HallClientError(code: .refused, "Unable to encode the request for \(path).")
            }
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: data))
        }
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000))
            let buffer = try await response.body.collect(upTo: 8 * 1024 * 1024)
            return (Int(response.status.code), response.headers, Array(buffer.readableBytesView))
        } catch {
            throw HallClientError(code: .unreachable, "Unable to reach the hall at \(baseURL): \(Self.explain(error)).")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, status: Int, body: [UInt8], what: String) throws(HallClientError) -> T {
        guard status == 200 else { throw refusal(status: status, body: body, what: what) }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw HallClientError(code: .hallFailed, status: status, "The hall at \(baseURL) answered \(what) with something this kioskd cannot read (\(error)); is hall_url the kiosk-hall server?")
        }
    }

    private func refusal(status: Int, body: [UInt8], what: String) -> HallClientError {
        let hallError = try? JSONDecoder().decode(HallErrorBody.self, from: Data(body))
        let reason = hallError?.message ?? String(decoding: body.prefix(200), as: UTF8.self)
        let code: HallClientError.Code = (400..<500).contains(status) ? .refused : .hallFailed
        return HallClientError(code: code, status: status, hallError: hallError, "The hall at \(baseURL) refused \(what) with HTTP \(status): \(reason)")
    }

    /// TLS refusals deserve a hint: they mean the certificates, not the network.
    private static func explain(_ error: any Error) -> String {
        let text = "\(error)"
        if error is NIOSSLError || text.contains("SSL") || text.contains("handshake") {
            return "\(text) (TLS failed: check [sync] client_certificate, client_key and hall_ca; re-enroll with 'kiosk-hall enroll' if the hall's CA changed)"
        }
        if error is HTTPClientError, text.contains("connect") || text.contains("Connect") {
            return "\(text) (is kiosk-hall running and the network up?)"
        }
        return text
    }
}
