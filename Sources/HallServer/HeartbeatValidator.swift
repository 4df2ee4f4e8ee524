import HallProtocol
import KioskValues

/// Checks a heartbeat before it is stored: the certificate's kiosk, numbers within the protocol's
/// bounds (the report adds backlogs up), short texts, no full ID numbers. Pure; no I/O.
enum HeartbeatValidator {
    static func validate(_ heartbeat: Heartbeat, certifiedKioskID: String) throws(HallFailure) {
        try ProtocolVersionCheck.check(heartbeat.protocolVersion, of: "heartbeat")
        guard heartbeat.kioskID == certifiedKioskID else {
            throw HallFailure(.forbidden, .wrongKiosk, "The client certificate is kiosk '\(certifiedKioskID)', but the heartbeat is for '\(heartbeat.kioskID.prefix(64))'.")
        }
        guard heartbeat.devices.count <= HallProtocol.maximumHeartbeatDevices else {
            throw HallFailure(.contentTooLarge, .tooLarge, "The heartbeat lists \(heartbeat.devices.count) devices; at most \(HallProtocol.maximumHeartbeatDevices) are accepted.")
        }
        try bounded("sentAtMs", heartbeat.sentAtMs, 0...HallProtocol.maximumTimestampMs)
        try bounded("lastSequence", heartbeat.lastSequence, 0...HallProtocol.maximumSequence)
        try bounded("unsyncedEvents", Int64(heartbeat.unsyncedEvents), 0...HallProtocol.maximumSequence)
        var texts: [(field: String, text: String, limit: Int)] = [("softwareVersion", heartbeat.softwareVersion, HallProtocol.maximumHeartbeatFieldLength)]
        for (index, device) in heartbeat.devices.enumerated() {
            texts += [("devices[\(index)].name", device.name, HallProtocol.maximumHeartbeatFieldLength),
                      ("devices[\(index)].kind", device.kind, HallProtocol.maximumHeartbeatFieldLength),
                      ("devices[\(index)].state", device.state, HallProtocol.maximumHeartbeatFieldLength),
                      ("devices[\(index)].lastError", device.lastError ?? "", HallProtocol.maximumDeviceErrorLength)]
        }
        for (field, text, limit) in texts {
            guard text.count <= limit else {
                throw HallFailure(.unprocessableContent, .malformed, "The heartbeat's \(field) is \(text.count) characters; at most \(limit) are accepted.")
            }
            guard !PersonalData.containsResidentIDNumber(decoded: text) else {
                throw HallFailure(.unprocessableContent, .malformed, "The heartbeat's \(field) holds a full ID number; the hall refuses to store it.")
            }
        }
    }

    private static func bounded(_ field: String, _ value: Int64, _ range: ClosedRange<Int64>) throws(HallFailure) {
        guard range.contains(value) else {
            throw HallFailure(.unprocessableContent, .malformed, "The heartbeat's \(field) is \(value); it must be from \(range.lowerBound) to \(range.upperBound).")
        }
    }
}
