import ControlProtocol

/// A device service that can say how its devices are doing, for `kioskctl status`, systemd's
/// STATUS= line and (later) the hall's heartbeat. A summary's `state` is "ready" when the device
/// can serve citizens; anything else is shown as is ("paper out", "not connected", …).
package protocol DeviceStatusReporting: Sendable {
    func deviceSummaries() async -> [DeviceSummary]
}
