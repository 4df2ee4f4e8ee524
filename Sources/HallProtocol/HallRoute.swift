/// One route kiosk-hall serves: a method and an OpenAPI path template ("{kioskID}"). The list in
/// `HallProtocol.routes` is what docs/hall-api.yaml must describe, no more and no less;
/// HallAPIDocumentTests compares it with the document and with the hall's router, and
/// HallRouteListTests checks on a live hall that each one answers something other than 404.
public struct HallRoute: Sendable, Hashable, CustomStringConvertible {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// The path with its parameters in braces, e.g. "/v1/kiosks/{kioskID}/events".
    public var path: String
    /// Whether the route needs a kiosk's client certificate. The report page does not (yet).
    public var needsKioskCertificate: Bool

    public init(_ method: Method, _ path: String, needsKioskCertificate: Bool = true) {
        self.method = method
        self.path = path
        self.needsKioskCertificate = needsKioskCertificate
    }

    public var description: String { "\(method.rawValue) \(path)" }
}

extension HallProtocol {
    /// `GET /report?date=YYYY-MM-DD[&format=csv]`: the staff's morning report page.
    public static let reportPath = "/report"

    /// Every route kiosk-hall serves, built from the path functions so that a renamed path
    /// changes this list too.
    public static let routes: [HallRoute] = [
        HallRoute(.post, eventsPath(kioskID: "{kioskID}")),
        HallRoute(.get, syncStatePath(kioskID: "{kioskID}")),
        HallRoute(.post, heartbeatPath(kioskID: "{kioskID}")),
        HallRoute(.get, catalogPath),
        HallRoute(.post, ticketsPath(kioskID: "{kioskID}")),
        HallRoute(.get, progressPath(caseNumber: "{caseNumber}")),
        HallRoute(.post, checkInsPath(kioskID: "{kioskID}")),
        HallRoute(.get, reportPath, needsKioskCertificate: false),
    ]
}
