/// Maps IPP printer-state and printer-state-reasons onto the one status every printer reports.
public enum CUPSStatusMapping {
    /// - Parameters:
    ///   - state: printer-state: 3 idle, 4 processing, 5 stopped.
    ///   - reasons: printer-state-reasons keywords; "-report", "-warning" and "-error" suffixes
    ///     are stripped before matching (media-empty-warning is media-empty).
    public static func status(state: Int?, reasons: [String]) -> PrinterStatus {
        let stripped = Set(reasons.map(strippingSeverity))
        let raw = "printer-state \(state.map(String.init) ?? "?"), reasons \(reasons.isEmpty ? "none" : reasons.joined(separator: ","))"
        let condition: PrinterStatus.Condition
        if stripped.contains("door-open") || stripped.contains("cover-open") || stripped.contains("interlock-open") {
            condition = .coverOpen
        } else if stripped.contains("media-empty") || stripped.contains("media-needed") {
            condition = .paperOut
        } else if stripped.contains(where: { $0.hasPrefix("cutter") }) || stripped.contains("media-jam") {
            condition = .cutterError
        } else if stripped.contains("offline") || stripped.contains("shutdown") || stripped.contains("paused") || state == 5 || state == nil {
            condition = state == nil ? .unknown : .offline
        } else if stripped.contains("media-low") {
            condition = .paperNearEnd
        } else {
            condition = .ready
        }
        return PrinterStatus(condition: condition, raw: raw)
    }

    static func strippingSeverity(_ reason: String) -> String {
        for suffix in ["-report", "-warning", "-error"] where reason.hasSuffix(suffix) {
            return String(reason.dropLast(suffix.count))
        }
        return reason
    }
}
