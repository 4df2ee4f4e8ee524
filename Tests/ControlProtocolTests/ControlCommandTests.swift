import ControlProtocol
import Foundation
import Testing

/// The control socket's typed commands on the wire: every command survives the trip, the
/// version is always named, and the form is the one kioskd documents.
struct ControlCommandTests {
    static let commands: [ControlCommand] = [
        .status, .cardStatus, .printerStatus(printer: nil), .printerStatus(printer: "receipt"), .printerTest(printer: "ticket", page: "receipt"),
        .screenStatus(screenshot: true), .screenTestPattern(seconds: 20), .screenTouchTest(seconds: nil), .screenCalibrate(seconds: 60),
        .syncStatus, .syncNow, .logs(lines: 50), .journalStats(since: Date(timeIntervalSince1970: 1_772_409_600)),
        .journalExport(since: nil, limit: 10), .maintenance(on: true, reason: "打印机卡纸"),
    ]

    /// Should decode every command as it was encoded, one line each, and name it as `names` does
    @Test func everyCommandRoundTrips() throws {
        #expect(Set(Self.commands.map(\.name)) == Set(ControlCommand.names))
        for command in Self.commands {
            let line = try ControlCoding.encodeLine(ControlRequest(command))
            #expect(line.filter { $0 == UInt8(ascii: "\n") }.count == 1)
            #expect(try ControlCoding.decode(ControlRequest.self, from: line.dropLast()) == ControlRequest(command))
        }
    }

    /// Should put the version and the command's name on the wire, arguments inside it
    @Test func wireForm() throws {
        let line = String(decoding: try ControlCoding.encodeLine(ControlRequest(.maintenance(on: false, reason: "fixed"))), as: UTF8.self)
        #expect(line == #"{"command":{"maintenance":{"on":false,"reason":"fixed"}},"version":2}"# + "\n")
        #expect(try ControlCoding.decode(ControlRequest.self, from: Array(#"{"version":2,"command":{"status":{}}}"#.utf8)) == .status)
    }
}
