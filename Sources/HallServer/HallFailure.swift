import Foundation
import HTTPTypes
import HallProtocol
import Hummingbird

/// A refusal the hall answers with: an HTTP status and a `HallErrorBody`.
struct HallFailure: Error {
    var status: HTTPResponse.Status
    var body: HallErrorBody

    init(_ status: HTTPResponse.Status, _ code: HallErrorBody.Code, _ message: String) {
        self.status = status
        self.body = HallErrorBody(error: code, message: message)
    }

    var response: Response {
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        // After a timed-out body the connection holds unread bytes: it cannot carry another request.
        if status == .requestTimeout { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// JSON answers with the same encoder everywhere.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else {
            return HallFailure(.internalServerError, .internalError, "Unable to encode the answer.").response
        }
        var headers = extra
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
