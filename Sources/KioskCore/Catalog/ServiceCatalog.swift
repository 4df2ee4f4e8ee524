/// What the kiosk offers, owned by the hall and cached on the kiosk: services with their guides,
/// queue categories, windows, the hotline and opening hours. Versioned: a higher `version` replaces
/// a lower one. Field names match HallProtocol's `Catalog` (`version`, `services`,
/// `ticketCategories`) so the hall's JSON decodes into either; the fields HallProtocol lacks are
/// optional here.
public struct ServiceCatalog: Codable, Sendable, Equatable {
    public var version: Int
    public var services: [ServiceItem]
    public var ticketCategories: [QueueCategory]
    public var windows: [ServiceWindow]?
    /// The hall's consultation and complaint line, shown on help and out-of-service screens.
    public var hotline: String?
    public var openingHours: OpeningHours?

    public init(version: Int, services: [ServiceItem], ticketCategories: [QueueCategory], windows: [ServiceWindow]? = nil,
                hotline: String? = nil, openingHours: OpeningHours? = nil) {
        self.version = version
        self.services = services
        self.ticketCategories = ticketCategories
        self.windows = windows
        self.hotline = hotline
        self.openingHours = openingHours
    }

    public func service(id: String) -> ServiceItem? { services.first { $0.id == id } }

    public func category(prefix: String) -> QueueCategory? { ticketCategories.first { $0.prefix == prefix } }

    /// The hotline, or the county's general line (12345) when the catalog names none.
    public var hotlineOrDefault: String { hotline ?? "12345" }

    /// Opening hours, or Monday to Friday 09:00-17:00 when the catalog names none.
    public var openingHoursOrDefault: OpeningHours { openingHours ?? .weekdays9to5 }
}
