import HTTPTypes
import HallProtocol
import Hummingbird

/// Every other method on a path the hall serves answers 405 with `Allow` (RFC 9110, 15.5.6),
/// not the router's bare 404: a kiosk or a tool that sends PUT where POST is meant is told so.
enum MethodNotAllowedRoutes {
    static let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options, .trace]

    static func register(in router: Router<HallRequestContext>) {
        let allowed = Dictionary(grouping: HallProtocol.routes, by: \.path).mapValues { Set($0.map(\.method.rawValue)) }
        for (template, names) in allowed {
            let path = routerPath(template)
            let allow = names.sorted().joined(separator: ", ")
            for method in methods where !names.contains(method.rawValue) {
                router.on(RouterPath(path), method: method) { _, _ in
                    var response = HallFailure(.methodNotAllowed, .notFound, "\(method.rawValue) is not served on \(template); use \(allow).").response
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }

    /// "{kioskID}" as the routes register it (":kiosk"): one parameter name per place in the
    /// router's tree.
    static func routerPath(_ template: String) -> String {
        template.replacingOccurrences(of: "{kioskID}", with: ":kiosk").replacingOccurrences(of: "{caseNumber}", with: ":case")
    }
}
