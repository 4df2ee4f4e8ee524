import Foundation
import HTTPTypes
import HallProtocol
import Hummingbird
import Logging
import NIOCore

/// The hall's HTTP routes (protocol version 1). Every refusal is a 4xx with a `HallErrorBody`
/// and changes nothing.
struct HallRoutes: Sendable {
    let store: any HallStorage
    let catalog: HallCatalog
    /// From the request head to the body's last byte (`HallServerLimits.bodyTimeout`).
    let bodyTimeout: Duration

    func register(in router: Router<HallRequestContext>) {
        router.post("/v1/kiosks/:kiosk/events") { request, context in await Self.respond(request) { try await postEvents(request, context) } }
        router.get("/v1/kiosks/:kiosk/sync-state") { request, context in await Self.respond(request) { try await getSyncState(request, context) } }
        router.post("/v1/kiosks/:kiosk/heartbeat") { request, context in await Self.respond(request) { try await postHeartbeat(request, context) } }
        router.get("/v1/catalog") { request, context in await Self.respond(request) { try await getCatalog(request, context) } }
    }

    static func respond(_ request: Request, _ body: () async throws -> Response) async -> Response {
        do {
            try checkVersion(request)
            return try await body()
        } catch let failure as HallFailure {
            return failure.response
        } catch {
            return HallFailure(.internalServerError, .internalError, "\(error)").response
        }
    }

    private func postEvents(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        let kioskID = try await KioskAuthentication.kioskID(of: context, store: store)
        let batch = try await Self.decodeBody(EventBatch.self, request, kioskID: kioskID, within: bodyTimeout)
        try EventBatchValidator.validate(batch, certifiedKioskID: kioskID, pathKioskID: context.parameters.get("kiosk") ?? "")
        do {
            let acknowledgement = try await store.ingest(batch)
            context.logger.debug("Stored a batch", metadata: ["kiosk.id": "\(kioskID)", "batch.events": "\(batch.events.count)", "batch.stored": "\(acknowledgement.stored)", "kiosk.contiguous": "\(acknowledgement.highestContiguousSequence)"])
            return JSONResponse.make(acknowledgement)
        } catch where error.code == .conflict {
            context.logger.warning("Refused a batch that contradicts stored events", metadata: ["kiosk.id": "\(kioskID)", "error": "\(error.message)"])
            throw HallFailure(.conflict, .conflict, error.message)
        } catch where error.code == .notEnrolled {
            throw HallFailure(.forbidden, .unauthenticated, error.message)
        } catch {
            context.logger.error("Unable to store a batch", metadata: ["kiosk.id": "\(kioskID)", "error": "\(error.message)"])
            throw HallFailure(.serviceUnavailable, .internalError, error.message)
        }
    }

    private func getSyncState(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        let kioskID = try await KioskAuthentication.kioskID(of: context, store: store)
        try Self.checkPath(context, kioskID: kioskID)
        guard let acknowledgement = try await store.acknowledgement(kioskID: kioskID) else {
            throw HallFailure(.notFound, .notFound, "Kiosk '\(kioskID)' is not enrolled.")
        }
        return JSONResponse.make(acknowledgement)
    }

    private func postHeartbeat(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        let kioskID = try await KioskAuthentication.kioskID(of: context, store: store)
        try Self.checkPath(context, kioskID: kioskID)
        let heartbeat = try await Self.decodeBody(Heartbeat.self, request, kioskID: kioskID, within: bodyTimeout)
        try HeartbeatValidator.validate(heartbeat, certifiedKioskID: kioskID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(heartbeat), as: UTF8.self)
        try await store.recordHeartbeat(heartbeat, json: json)
        return Response(status: .noContent)
    }

    private func getCatalog(_ request: Request, _ context: HallRequestContext) async throws -> Response {
        _ = try await KioskAuthentication.kioskID(of: context, store: store)
        var headers = HTTPFields()
        headers[.eTag] = catalog.etag
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == catalog.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: catalog.bytes)))
    }

    /// Kiosks send `Kiosk-Protocol-Version`; a version this hall does not speak is refused
    /// before anything else is read.
    static func checkVersion(_ request: Request) throws(HallFailure) {
        guard let name = HTTPField.Name(HallProtocol.versionHeader), let value = request.headers[name] else { return }
        guard value == "\(HallProtocol.version)" else {
            throw HallFailure(.badRequest, .unsupportedVersion, "The kiosk speaks protocol version '\(value.prefix(16))'; this hall speaks \(HallProtocol.version). Update kiosk-hall or kioskd so that both match.")
        }
    }

    static func checkPath(_ context: HallRequestContext, kioskID: String) throws(HallFailure) {
        let pathKioskID = context.parameters.get("kiosk") ?? ""
        guard pathKioskID == kioskID else {
            throw HallFailure(.forbidden, .wrongKiosk, "The client certificate is kiosk '\(kioskID)', but the path names kiosk '\(pathKioskID)'. A kiosk may only use its own routes.")
        }
    }

    /// Reads at most `HallProtocol.maximumBodyBytes` within `timeout` and decodes JSON; anything
    /// else is a 4xx. A body that trickles in is cut off (408), so it cannot hold the connection.
    static func decodeBody<T: Decodable>(_ type: T.Type, _ request: Request, kioskID: String, within timeout: Duration) async throws(HallFailure) -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > HallProtocol.maximumBodyBytes {
            throw HallFailure(.contentTooLarge, .tooLarge, "The body is \(length) bytes; at most \(HallProtocol.maximumBodyBytes) are accepted. Lower [sync] batch_size on kiosk '\(kioskID)'.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await request.body.collect(upTo: HallProtocol.maximumBodyBytes) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let body = try await group.next() ?? nil else { throw BodyTimedOut() }
                return body
            }
        } catch is NIOTooManyBytesError {
            throw HallFailure(.contentTooLarge, .tooLarge, "The body is larger than \(HallProtocol.maximumBodyBytes) bytes. Lower [sync] batch_size on kiosk '\(kioskID)'.")
        } catch is BodyTimedOut {
            throw HallFailure(.requestTimeout, .timeout, "The body did not arrive within \(timeout.components.seconds) s; the connection is closed. Check the network between kiosk '\(kioskID)' and the hall.")
        } catch {
            throw HallFailure(.badRequest, .malformed, "Unable to read the body: \(error).")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw HallFailure(.badRequest, .malformed, "The body is not a valid \(T.self) (JSON): \(Self.describe(error)).")
        }
    }

    private struct BodyTimedOut: Error {}

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted?: "not JSON"
        default: "\(error)"
        }
    }
}
