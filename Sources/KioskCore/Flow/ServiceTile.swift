public struct ServiceTile: Sendable, Equatable {
    public var serviceID: String
    public var name: String
    public var location: String
    /// Why the service cannot be completed here now (its guide can still be read); nil when it can.
    public var unavailableReason: Message?

    public init(serviceID: String, name: String, location: String, unavailableReason: Message?) {
        self.serviceID = serviceID
        self.name = name
        self.location = location
        self.unavailableReason = unavailableReason
    }
}
