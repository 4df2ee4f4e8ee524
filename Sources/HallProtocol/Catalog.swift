/// `GET /v1/catalog`: what the kiosk offers, owned by the hall. The hall serves it with an ETag;
/// the kiosk sends `If-None-Match` and gets 304 when nothing changed. The kiosk caches the last
/// copy so that it works with the network down.
public struct Catalog: Codable, Sendable, Equatable {
    /// Increases with every change the hall publishes.
    public var version: Int
    public var services: [CatalogService]
    public var ticketCategories: [TicketCategory]

    public init(version: Int, services: [CatalogService], ticketCategories: [TicketCategory]) {
        self.version = version
        self.services = services
        self.ticketCategories = ticketCategories
    }
}

public struct CatalogService: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// Where to go: floor, zone, window.
    public var location: String
    public var ticketCategory: String?

    public init(id: String, name: String, location: String, ticketCategory: String?) {
        self.id = id
        self.name = name
        self.location = location
        self.ticketCategory = ticketCategory
    }
}

public struct TicketCategory: Codable, Sendable, Equatable {
    /// The ticket number's prefix, e.g. "A".
    public var prefix: String
    public var name: String

    public init(prefix: String, name: String) {
        self.prefix = prefix
        self.name = name
    }
}
