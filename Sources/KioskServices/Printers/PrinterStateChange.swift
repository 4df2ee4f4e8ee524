import Journal

extension JournalEventKind {
    /// A printer became ready, ran out of paper, was opened, unplugged, … (one event per change).
    static let printerStateChanged = JournalEventKind(rawValue: "printer.state_changed")
}

/// The payload of `printer.state_changed`: the configured name, the new state as kioskctl shows
/// it, the raw status it came from, and the error when the printer could not be reached.
struct PrinterStateChange: Encodable, Sendable {
    var printer: String
    var state: String
    var status: String
    var error: String?
}
