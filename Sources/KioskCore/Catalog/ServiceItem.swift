/// One service item (事项) as the kiosk shows it. `id`, `name`, `location` and `ticketCategory`
/// are HallProtocol's `CatalogService` fields; `guide` is the kiosk's addition.
public struct ServiceItem: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// Where to go: floor, zone, window.
    public var location: String
    /// The queue category prefix ("A"); nil when the service takes no ticket (e.g. a guide only).
    public var ticketCategory: String?
    public var guide: ServiceGuide?

    public init(id: String, name: String, location: String, ticketCategory: String?, guide: ServiceGuide? = nil) {
        self.id = id
        self.name = name
        self.location = location
        self.ticketCategory = ticketCategory
        self.guide = guide
    }
}
