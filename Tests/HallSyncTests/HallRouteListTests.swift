import Foundation
import HallProtocol
import KioskTestSupport
import NIOHTTP1
import Testing

/// `HallProtocol.routes` (what docs/hall-api.yaml describes) against the real kiosk-hall: every
/// route answers as itself. A 404 counts only with a `HallErrorBody` (a route saying "no such
/// case"); the router's own 404 for a path it does not know has none.
@Suite(.serialized) struct HallRouteListTests {
    /// Should answer every listed route, with the enrolled kiosk's id and a made-up case number,
    /// from the route itself and not from the router's 404
    @Test func everyListedRouteAnswers() async throws {
        let hall = try await HallRefusalTests.makeHall()
        let caller = try HallRefusalTests.Caller(hall: hall, credentials: hall.directory.file("K-A"), kioskID: "K-A")
        for route in HallProtocol.routes {
            let path = route.path.replacingOccurrences(of: "{kioskID}", with: "K-A").replacingOccurrences(of: "{caseNumber}", with: "C-1")
            #expect(!path.contains("{"), "\(route) has a parameter this test does not fill in")
            let answer = switch route.method {
            case .get: try await caller.call(.GET, path)
            case .post: try await caller.call(.POST, path, body: Array("{}".utf8))
            }
            let fromRoute = answer.status != 404 || (try? JSONDecoder().decode(HallErrorBody.self, from: Data(answer.body.utf8))) != nil
            #expect(fromRoute, "\(route) answered the router's \(answer.status): \(answer.body.prefix(200))")
        }
        // The control: a path no route has gets the router's 404, without a HallErrorBody.
        let unknown = try await caller.call(.GET, HallProtocol.pathPrefix + "/no-such-route")
        #expect(unknown.status == 404)
        #expect((try? JSONDecoder().decode(HallErrorBody.self, from: Data(unknown.body.utf8))) == nil)
        await caller.shutdown()
        _ = await hall.stop()
    }
}
