import DeviceDrivers
import Testing

/// DLE EOT, ASB and full status bytes, bit by bit (docs/protocols/escpos.md, "Status").
struct PrinterStatusTests {
    // Idle replies: every DLE EOT reply has the fixed bits 0xx1xx10 = 0x12.
    static let idle = RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x12, paperSensor: 0x12)

    /// Should report ready when no bit is set
    @Test func idleIsReady() {
        #expect(Self.idle.condition == .ready)
        #expect(Self.idle.status.raw == "DLE EOT 1..4: 12 12 12 12")
    }

    /// Should map each status bit to its condition
    @Test(arguments: [
        (RealTimeStatus(printer: 0x1A, offlineCause: 0x12, error: 0x12, paperSensor: 0x12), PrinterStatus.Condition.offline),     // n=1 bit 3 offline
        (RealTimeStatus(printer: 0x12, offlineCause: 0x16, error: 0x12, paperSensor: 0x12), .coverOpen),                          // n=2 bit 2 cover
        (RealTimeStatus(printer: 0x12, offlineCause: 0x32, error: 0x12, paperSensor: 0x12), .paperOut),                           // n=2 bit 5 stopped by paper end
        (RealTimeStatus(printer: 0x12, offlineCause: 0x52, error: 0x12, paperSensor: 0x12), .offline),                            // n=2 bit 6 error occurred
        (RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x16, paperSensor: 0x12), .cutterError),                        // n=3 bit 2 mechanical (jam)
        (RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x1A, paperSensor: 0x12), .cutterError),                        // n=3 bit 3 autocutter
        (RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x32, paperSensor: 0x12), .cutterError),                        // n=3 bit 5 unrecoverable
        (RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x52, paperSensor: 0x12), .offline),                            // n=3 bit 6 head hot
        (RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x12, paperSensor: 0x1E), .paperNearEnd),                       // n=4 bits 2+3
        (RealTimeStatus(printer: 0x12, offlineCause: 0x12, error: 0x12, paperSensor: 0x72), .paperOut),                           // n=4 bits 5+6
    ])
    func bits(status: RealTimeStatus, expected: PrinterStatus.Condition) {
        #expect(status.condition == expected)
    }

    /// Should report cover open before paper out when both hold
    @Test func coverOpenOutranksPaperOut() {
        let status = RealTimeStatus(printer: 0x1A, offlineCause: 0x36, error: 0x12, paperSensor: 0x72)
        #expect(status.condition == .coverOpen)
    }

    /// Should report unknown when the printer answered nothing
    @Test func noAnswerIsUnknown() {
        #expect(RealTimeStatus().condition == .unknown)
    }

    /// Should decode the VKP80 full status bits
    @Test func fullStatusBits() {
        #expect(FullStatus(paper: 0, user: 0, recoverable: 0, unrecoverable: 0).condition == .ready)
        #expect(FullStatus(paper: 0x01, user: 0, recoverable: 0, unrecoverable: 0).condition == .paperOut)
        #expect(FullStatus(paper: 0x04, user: 0, recoverable: 0, unrecoverable: 0).condition == .paperNearEnd)
        #expect(FullStatus(paper: 0x20, user: 0, recoverable: 0, unrecoverable: 0).ticketInOutput)
        #expect(FullStatus(paper: 0x01, user: 0x02, recoverable: 0, unrecoverable: 0).condition == .coverOpen)
        #expect(FullStatus(paper: 0, user: 0, recoverable: 0, unrecoverable: 0x04).condition == .cutterError)
    }

    /// Should strip -report, -warning and -error from CUPS reasons before matching
    @Test func cupsReasons() {
        #expect(CUPSStatusMapping.status(state: 3, reasons: ["none"]).condition == .ready)
        #expect(CUPSStatusMapping.status(state: 3, reasons: ["media-empty-warning"]).condition == .paperOut)
        #expect(CUPSStatusMapping.status(state: 5, reasons: ["media-empty-error", "media-needed-error"]).condition == .paperOut)
        #expect(CUPSStatusMapping.status(state: 3, reasons: ["cover-open"]).condition == .coverOpen)
        #expect(CUPSStatusMapping.status(state: 3, reasons: ["door-open-report"]).condition == .coverOpen)
        #expect(CUPSStatusMapping.status(state: 3, reasons: ["media-low-report"]).condition == .paperNearEnd)
        #expect(CUPSStatusMapping.status(state: 5, reasons: ["paused"]).condition == .offline)
        #expect(CUPSStatusMapping.status(state: 4, reasons: ["none"]).condition == .ready)
        #expect(CUPSStatusMapping.status(state: nil, reasons: []).condition == .unknown)
    }
}
