import Foundation
import HTTPTypes
import Hummingbird
import KioskSimulation

/// The demo page's routes. Everything the page does goes through these, so the tests drive the
/// same endpoints a browser does.
///
/// - `GET /`: the page. `GET /setup`: the frame size, sample cards, printer states, report link.
/// - `GET /screen.png[?after=VERSION]`: the frame as PNG with its version in `X-Frame-Version`;
///   with `after`, waits up to 15 s for another frame (204 if none came).
/// - `POST /tap {"x", "y"}` in frame pixels; `POST /card {"action": "place"|"lift", "card"}`;
///   `POST /printer {"state"}`: answered with the simulator's line as `{"answer": …}`.
/// - `GET /tickets`: `{"tickets": [NAME, …]}` oldest first; `GET /tickets/NAME`: the PNG.
struct DemoRoutes: Sendable {
    let screen: FrameWatcher
    let devices: DemoDevices
    let reportURL: String

    static let frameVersion = HTTPField.Name("X-Frame-Version")!

    struct Setup: ResponseEncodable {
        var width: Int
        var height: Int
        var cards: [String]
        var printerStates: [String]
        var reportURL: String
    }

    struct Answer: ResponseEncodable { var answer: String }
    struct Tickets: ResponseEncodable { var tickets: [String] }

    func register(in router: Router<BasicRequestContext>) {
        let (screen, devices, reportURL) = (screen, devices, reportURL)

        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: DemoPage.html)))
        }
        router.get("/setup") { _, _ in
            Setup(width: screen.width, height: screen.height, cards: SampleCards.names, printerStates: DemoRequest.printerStates, reportURL: reportURL)
        }
        router.get("/screen.png") { request, _ in
            let known = request.uri.queryParameters.get("after", as: Int.self)
            do {
                let version = try await screen.version(after: known, waitingUpTo: .seconds(15))
                if version == known { return Response(status: .noContent, headers: [Self.frameVersion: "\(version)"]) }
                let frame = try await screen.png()
                return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "no-store", Self.frameVersion: "\(frame.version)"],
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: frame.png)))
            } catch let error as FrameWatcher.Unavailable {
                throw HTTPError(.serviceUnavailable, message: error.description)
            }
        }
        router.post("/tap") { request, _ in
            let (x, y) = try await DemoRequest.tap(request, width: screen.width, height: screen.height)
            await screen.noteActivity()
            try await devices.tap(x: x, y: y)
            return Answer(answer: "ok tapped \(x) \(y)")
        }
        router.post("/card") { request, _ in
            let command = try await DemoRequest.cardCommand(request)
            await screen.noteActivity()
            return Answer(answer: try await devices.card(command))
        }
        router.post("/printer") { request, _ in
            let command = try await DemoRequest.printerCommand(request)
            await screen.noteActivity()
            return Answer(answer: try await devices.printer(command))
        }
        router.get("/tickets") { _, _ in
            Tickets(tickets: try await devices.tickets())
        }
        router.get("/tickets/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let png = try await devices.ticket(named: name) else {
                throw HTTPError(.notFound, message: "No ticket '\(name)'; GET /tickets lists them.")
            }
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "max-age=3600"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: png)))
        }
    }
}
