/// `POST /v1/kiosks/{kioskID}/heartbeat`: the kiosk says it is alive, how far behind it is and
/// how its devices are. Answered with 204.
public struct Heartbeat: Codable, Sendable, Equatable {
    public var protocolVersion: Int
    public var kioskID: String
    /// Milliseconds since 1970-01-01 UTC, from the kiosk's clock.
    public var sentAtMs: Int64
    public var softwareVersion: String
    /// The last sequence the kiosk's journal handed out.
    public var lastSequence: Int64
    /// Events the hall has not acknowledged yet.
    public var unsyncedEvents: Int
    public var devices: [DeviceState]

    public init(protocolVersion: Int = HallProtocol.version, kioskID: String, sentAtMs: Int64, softwareVersion: String, lastSequence: Int64, unsyncedEvents: Int, devices: [DeviceState]) {
        self.protocolVersion = protocolVersion
        self.kioskID = kioskID
        self.sentAtMs = sentAtMs
        self.softwareVersion = softwareVersion
        self.lastSequence = lastSequence
        self.unsyncedEvents = unsyncedEvents
        self.devices = devices
    }
}

public struct DeviceState: Codable, Sendable, Equatable {
    public var name: String
    public var kind: String
    /// "ready" when the device can serve citizens; otherwise what is wrong ("paper out").
    public var state: String
    public var lastError: String?

    public init(name: String, kind: String, state: String, lastError: String?) {
        self.name = name
        self.kind = kind
        self.state = state
        self.lastError = lastError
    }
}

extension DeviceState {
    /// This state cut to the lengths the hall accepts, so that one long error text cannot make the
    /// whole heartbeat refused.
    public var fittedToProtocol: DeviceState {
        let field = HallProtocol.maximumHeartbeatFieldLength
        return DeviceState(name: String(name.prefix(field)), kind: String(kind.prefix(field)), state: String(state.prefix(field)),
                           lastError: lastError.map { String($0.prefix(HallProtocol.maximumDeviceErrorLength)) })
    }
}
