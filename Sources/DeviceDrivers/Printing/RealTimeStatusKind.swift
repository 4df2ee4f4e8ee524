/// The n of DLE EOT n (10 04 n): which status byte the printer sends back at once.
public enum RealTimeStatusKind: UInt8, Sendable, CaseIterable {
    case printer = 1
    case offlineCause = 2
    case error = 3
    case paperSensor = 4
    /// Custom VKP80 family full status: 6 bytes back, `10 0F` and four status bytes.
    case full = 0x14
}
