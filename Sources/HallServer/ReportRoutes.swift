import Foundation
import Hummingbird

/// `GET /report?date=YYYY-MM-DD[&format=csv]`: the morning report for staff, as a page (or CSV).
/// It needs no client certificate (staff open it in a browser on the hall's network) and holds
/// no personal data: kiosks only ever send masked phone numbers.
struct ReportRoutes: Sendable {
    let store: any HallStorage

    func register(in router: Router<HallRequestContext>) {
        router.get("/report") { request, context in
            let date = request.uri.queryParameters.get("date") ?? Self.today()
            let csv = request.uri.queryParameters.get("format") == "csv"
            let report: MorningReport?
            do {
                report = try await MorningReport.load(date: date, from: store)
            } catch {
                context.logger.error("Unable to build the morning report", metadata: ["report.date": "\(date)", "error": "\(error)"])
                return Self.text(.internalServerError, "Unable to build the report: \(error)\n")
            }
            guard let report else {
                return Self.text(.badRequest, "The date must look like 2026-03-02 (year-month-day), got '\(Self.printable(date))'.\n")
            }
            var headers = HTTPFields()
            headers[.contentType] = csv ? "text/csv; charset=utf-8" : "text/html; charset=utf-8"
            let body = csv ? report.csv() : report.html()
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
    }

    /// The date as given, reduced to characters a date may hold, for echoing it back safely.
    static func printable(_ text: String) -> String {
        String(text.prefix(40).filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
