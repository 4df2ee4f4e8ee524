import Hummingbird

/// The morning report page (added with the report).
struct ReportRoutes: Sendable {
    let store: HallStore
    func register(in router: Router<HallRequestContext>) {}
}
