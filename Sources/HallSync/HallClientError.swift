import HallProtocol

/// Why a request to the hall failed, worded for the technician reading kioskd's log.
public struct HallClientError: Error, CustomStringConvertible, Sendable {
    public enum Code: Sendable, Equatable {
        /// No connection (network down, hall stopped, TLS handshake refused).
        case unreachable
        /// The hall answered 4xx: retrying the same request will not help without a fix.
        case refused
        /// The hall answered 5xx or something unreadable.
        case hallFailed
    }

    public var code: Code
    public var status: Int?
    public var hallError: HallErrorBody?
    public var description: String

    init(code: Code, status: Int? = nil, hallError: HallErrorBody? = nil, _ description: String) {
        self.code = code
        self.status = status
        self.hallError = hallError
        self.description = description
    }
}
