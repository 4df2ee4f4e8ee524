/// The receipt printer's state as the printer service reports it.
public enum PrinterState: String, Sendable, Equatable, Codable {
    case ready
    case paperNearEnd = "paper near end"
    case paperOut = "paper out"
    case coverOpen = "cover open"
    case cutterError = "cutter error"
    case offline
    case unknown

    /// Paper near end still prints; `unknown` is tried (the job's result tells).
    public var canPrint: Bool {
        switch self {
        case .ready, .paperNearEnd, .unknown: true
        case .paperOut, .coverOpen, .cutterError, .offline: false
        }
    }
}
