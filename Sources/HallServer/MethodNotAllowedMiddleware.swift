import HTTPTypes
import HallProtocol
import Hummingbird

/// Any other method on a path the hall serves answers 405 with `Allow` (RFC 9110, 15.5.6), not
/// the router's bare 404: a kiosk or a tool that sends PUT (or QUERY, or a method nobody has
/// heard of) where POST is meant is told so.
///
/// A middleware added after the routes: Hummingbird wraps each route in the middlewares added
/// before it, and the not-found responder in all of them, so only requests that matched no route
/// reach it.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext

    /// Each path template's segments ("{kioskID}" matches any one segment) and its methods.
    let routes: [(segments: [Substring], allow: String)] = Dictionary(grouping: HallProtocol.routes, by: \.path).map { template, routes in
        (template.split(separator: "/"), Set(routes.map(\.method.rawValue)).sorted().joined(separator: ", "))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/")
        guard let route = routes.first(where: { Self.matches(segments, $0.segments) }) else {
            return try await next(request, context)
        }
        var response = HallFailure(.methodNotAllowed, .notFound, "\(request.method.rawValue.prefix(20)) is not served here; use \(route.allow).").response
        response.headers[.allow] = route.allow
        return response
    }

    static func matches(_ path: [Substring], _ template: [Substring]) -> Bool {
        path.count == template.count && zip(path, template).allSatisfy { segment, expected in expected.hasPrefix("{") || segment == expected }
    }

    static func register(in router: Router<HallRequestContext>) {
        router.add(middleware: MethodNotAllowedMiddleware())
    }
}
