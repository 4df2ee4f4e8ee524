/// What the simulated printer's sensors say. Changed through the control socket.
public struct SimulatedPrinterState: Equatable, Sendable {
    public var paperNearEnd = false
    public var paperOut = false
    public var coverOpen = false
    /// The mechanism is stuck: the printer stops reading its input, as a real jammed printer
    /// stops taking bytes from USB or TCP.
    public var jammed = false
    /// Rows of paper (dots) left on the roll; nil for an endless roll. At 0 the paper is out.
    public var paperRemainingDots: Int?

    public init() {}

    public var offline: Bool { paperOut || coverOpen }

    /// The reply to DLE EOT n (0xx1xx10 with the bits of docs/protocols/escpos.md's table), or to the full
    /// status request (10 0F and four bytes); nil for an n the printer does not know.
    public func reply(to request: UInt8) -> [UInt8]? {
        switch request {
        case 1: return [0x12 | (offline ? 0x08 : 0)]
        case 2: return [0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (offline ? 0x40 : 0)]
        case 3: return [0x12]
        case 4: return [0x12 | (paperNearEnd ? 0x0C : 0) | (paperOut ? 0x60 : 0)]
        case 0x14: return [0x10, 0x0F, (paperOut ? 0x01 : 0) | (paperNearEnd ? 0x04 : 0), coverOpen ? 0x02 : 0, 0, 0]
        default: return nil
        }
    }

    /// Automatic status back: 4 bytes, the first 0xx1xx00, the others 0xx0xxxx.
    public var automaticStatus: [UInt8] {
        [0x10 | (offline ? 0x08 : 0), coverOpen ? 0x20 : 0, 0, (paperNearEnd ? 0x03 : 0) | (paperOut ? 0x0C : 0)]
    }

    /// Applies one control command; returns nil for an unknown one.
    public mutating func apply(_ command: String) -> Bool {
        let words = command.split(separator: " ")
        switch words.first {
        case "ready"?: self = SimulatedPrinterState()
        case "paper-near-end"?: paperNearEnd = true
        case "paper-out"?: paperOut = true
        case "paper-in"?: paperOut = false; paperNearEnd = false; paperRemainingDots = nil
        case "cover-open"?: coverOpen = true
        case "cover-closed"?: coverOpen = false
        case "jam"?: jammed = true
        case "unjam"?: jammed = false
        case "paper-remaining"?:
            guard words.count == 2, let dots = Int(words[1]), dots >= 0 else { return false }
            paperRemainingDots = dots
        default: return false
        }
        return true
    }

    public var summary: String {
        var parts: [String] = []
        if paperOut { parts.append("paper-out") }
        if paperNearEnd { parts.append("paper-near-end") }
        if coverOpen { parts.append("cover-open") }
        if jammed { parts.append("jammed") }
        if let paperRemainingDots { parts.append("paper-remaining \(paperRemainingDots)") }
        return parts.isEmpty ? "ready" : parts.joined(separator: ", ")
    }
}
