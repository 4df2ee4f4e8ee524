import Foundation
import HallProtocol
import Hummingbird
import Testing
@testable import HallServer

/// docs/hall-api.yaml against the code: the routes it describes are exactly `HallProtocol.routes`,
/// which are exactly the routes the hall's router registers, and its bounds are the protocol's.
/// The YAML is read as text (no YAML package): paths sit at indent 2 under `paths:`, methods at 4.
struct HallAPIDocumentTests {
    /// One operation of the document: "POST /v1/kiosks/{kioskID}/events", and whether it says
    /// `security: []` (needs no client certificate).
    struct Operation: Hashable {
        var route: String
        var open: Bool
    }

    static let documentPath: String = {
        // <root>/Tests/HallSyncUnitTests/HallAPIDocumentTests.swift, three levels up.
        let tests = ((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        return (tests as NSString).deletingLastPathComponent + "/docs/hall-api.yaml"
    }()

    static func operations(inDocument text: String) -> [Operation] {
        var operations: [Operation] = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.isEmpty {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   "), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                operations.append(Operation(route: line.dropFirst(4).dropLast().uppercased() + " " + path, open: false))
            } else if line == "      security: []", !operations.isEmpty {
                operations[operations.count - 1].open = true
            }
        }
        return operations
    }

    /// "{kioskID}" and Hummingbird's "{kiosk}" both become "{}": parameter names differ, places must not.
    static func shape(_ route: String) -> String {
        route.replacing(/\{[^}]*\}/, with: "{}")
    }

    /// Should describe every route of `HallProtocol.routes` and nothing else, with `security: []`
    /// exactly on the routes that need no kiosk certificate
    @Test func documentDescribesTheRouteList() throws {
        let document = Self.operations(inDocument: try String(contentsOfFile: Self.documentPath, encoding: .utf8))
        let listed = HallProtocol.routes.map { Operation(route: $0.description, open: !$0.needsKioskCertificate) }
        #expect(document.count == Set(document).count, "An operation appears twice in docs/hall-api.yaml")
        #expect(Set(document).subtracting(listed).map(\.route).sorted() == [], "In docs/hall-api.yaml but not in HallProtocol.routes (or its security differs)")
        #expect(Set(listed).subtracting(document).map(\.route).sorted() == [], "In HallProtocol.routes but not in docs/hall-api.yaml (or its security differs)")
        #expect(listed.count == 8)
    }

    /// Should list in `HallProtocol.routes` exactly what the hall's router registers, as
    /// HallServerSetup.makeApplication registers it
    @Test func routeListIsTheRouters() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hall-api-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteHallStore(path: directory + "/hall.sqlite")
        defer { try? store.closeNow() }

        let router = Router(context: HallRequestContext.self)
        HallRoutes(store: store, catalog: .empty, bodyTimeout: .seconds(60)).register(in: router)
        CounterRoutes(store: store, catalog: .empty, bodyTimeout: .seconds(60)).register(in: router)
        ReportRoutes(store: store).register(in: router)

        let registered = Set(router.routes.map { Self.shape("\($0.method.rawValue) \($0.path)") })
        let listed = Set(HallProtocol.routes.map { Self.shape($0.description) })
        #expect(registered.count == HallProtocol.routes.count)
        #expect(registered.subtracting(listed).sorted() == [], "Registered by the router but missing from HallProtocol.routes")
        #expect(listed.subtracting(registered).sorted() == [], "In HallProtocol.routes but not registered by the router")
    }

    /// Should state the protocol's limits that HallProtocol names: events per batch, payload bytes,
    /// body bytes
    @Test func documentStatesTheLimits() throws {
        let text = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        #expect(text.contains("maxItems: \(HallProtocol.maximumBatchEvents)\n"))
        #expect(text.contains("maxLength: \(HallProtocol.maximumPayloadBytes)\n"))
        #expect(text.contains("at most \(HallProtocol.maximumPayloadBytes) bytes of UTF-8"))
        #expect(text.contains("over \(HallProtocol.maximumBodyBytes) bytes"))
        #expect(text.contains("name: \(HallProtocol.versionHeader)\n"))
        #expect(text.contains("enum: [\"\(HallProtocol.version)\"]"))
    }

    /// Every error code. The switch has no default: a new case stops the build here until it is
    /// added to this list (and so to the document, by the test below).
    static let errorCodes: [HallErrorBody.Code] = [.unauthenticated, .wrongKiosk, .malformed, .conflict, .tooLarge, .unsupportedVersion, .notFound, .timeout, .internalError]
    static func listed(_ code: HallErrorBody.Code) {
        switch code {
        case .unauthenticated, .wrongKiosk, .malformed, .conflict, .tooLarge, .unsupportedVersion, .notFound, .timeout, .internalError: break
        }
    }

    /// Should list exactly HallErrorBody's codes in the document's HallError schema
    @Test func documentListsTheErrorCodes() throws {
        let text = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("          enum: [unauthenticated") })
        let documented = line.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(documented.sorted() == Self.errorCodes.map(\.rawValue).sorted())
    }

    /// Should find the operations in a small document, so that the checks above are not vacuous
    @Test func parsesOperations() {
        let text = """
            openapi: 3.1.0
            paths:
              /a/{x}:
                get:
                  summary: a
                post:
                  security: []
              /b:
                get:
                  parameters:
                    - name: get
            components:
              /c:
                get:
            """
        #expect(Self.operations(inDocument: text) == [
            Operation(route: "GET /a/{x}", open: false), Operation(route: "POST /a/{x}", open: true), Operation(route: "GET /b", open: false),
        ])
    }
}
