/// The four DLE EOT status bytes of one poll, or the kiosk printers' full status, decoded bit by
/// bit as docs/protocols/escpos.md's table names them.
public struct RealTimeStatus: Sendable, Equatable {
    /// DLE EOT 1, 2, 3, 4 replies; nil for any the printer did not answer.
    public var printer: UInt8?
    public var offlineCause: UInt8?
    public var error: UInt8?
    public var paperSensor: UInt8?

    public init(printer: UInt8? = nil, offlineCause: UInt8? = nil, error: UInt8? = nil, paperSensor: UInt8? = nil) {
        self.printer = printer
        self.offlineCause = offlineCause
        self.error = error
        self.paperSensor = paperSensor
    }

    // Bit fields, named as in the table (bit 0 = least significant).
    public var offline: Bool { printer.map { $0 & 0x08 != 0 } ?? false }
    public var coverOpen: Bool { offlineCause.map { $0 & 0x04 != 0 } ?? false }
    public var stoppedByPaperEnd: Bool { offlineCause.map { $0 & 0x20 != 0 } ?? false }
    public var errorOccurred: Bool { offlineCause.map { $0 & 0x40 != 0 } ?? false }
    /// SNBC reports a paper jam here.
    public var mechanicalError: Bool { error.map { $0 & 0x04 != 0 } ?? false }
    public var autocutterError: Bool { error.map { $0 & 0x08 != 0 } ?? false }
    public var unrecoverableError: Bool { error.map { $0 & 0x20 != 0 } ?? false }
    public var autoRecoverableError: Bool { error.map { $0 & 0x40 != 0 } ?? false }
    /// Bits 2 and 3 of DLE EOT 4 (0x0C); printers set both, either is taken.
    public var paperNearEnd: Bool { paperSensor.map { $0 & 0x0C != 0 } ?? false }
    /// Bits 5 and 6 of DLE EOT 4 (0x60).
    public var paperEnd: Bool { paperSensor.map { $0 & 0x60 != 0 } ?? false }

    /// Whether `byte` has the fixed bits of a DLE EOT reply: 0xx1xx10.
    public static func isReply(_ byte: UInt8) -> Bool { byte & 0x93 == 0x12 }

    /// One condition, worst first.
    public var condition: PrinterStatus.Condition {
        if printer == nil && offlineCause == nil && error == nil && paperSensor == nil { return .unknown }
        if coverOpen { return .coverOpen }
        if paperEnd || stoppedByPaperEnd { return .paperOut }
        if autocutterError || mechanicalError || unrecoverableError { return .cutterError }
        if offline || errorOccurred || autoRecoverableError { return .offline }
        if paperNearEnd { return .paperNearEnd }
        return .ready
    }

    public var status: PrinterStatus {
        let bytes = [printer, offlineCause, error, paperSensor].map { $0.map { Self.hex($0) } ?? "--" }
        return PrinterStatus(condition: condition, raw: "DLE EOT 1..4: " + bytes.joined(separator: " "))
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}

/// The Custom VKP80 family's full status (reply to 10 04 14): 10 0F, then paper, user,
/// recoverable and unrecoverable status bytes.
public struct FullStatus: Sendable, Equatable {
    public var paper: UInt8
    public var user: UInt8
    public var recoverable: UInt8
    public var unrecoverable: UInt8

    public init(paper: UInt8, user: UInt8, recoverable: UInt8, unrecoverable: UInt8) {
        self.paper = paper
        self.user = user
        self.recoverable = recoverable
        self.unrecoverable = unrecoverable
    }

    public var paperAbsent: Bool { paper & 0x01 != 0 }
    public var paperNearEnd: Bool { paper & 0x04 != 0 }
    /// A ticket waits in the presenter's mouth.
    public var ticketInOutput: Bool { paper & 0x20 != 0 }
    /// User status bit 0 (head up) and 1 (cover open) on the VKP80.
    public var coverOpen: Bool { user & 0x03 != 0 }

    public var condition: PrinterStatus.Condition {
        if coverOpen { return .coverOpen }
        if paperAbsent { return .paperOut }
        if unrecoverable != 0 { return .cutterError }
        if recoverable != 0 { return .offline }
        if paperNearEnd { return .paperNearEnd }
        return .ready
    }

    public var status: PrinterStatus {
        let bytes = [paper, user, recoverable, unrecoverable].map(RealTimeStatus.hex)
        return PrinterStatus(condition: condition, raw: "full status 10 0f " + bytes.joined(separator: " ") + (ticketInOutput ? ", ticket in output" : ""))
    }
}
