import DeviceDrivers
import Foundation
import KioskTestSupport
import Testing

/// Writes `events` into `descriptor` in one write(2) (so that they arrive in one read).
func writeEvents(_ events: [InputEvent], to descriptor: CInt) {
    let bytes = events.flatMap(\.bytes)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    precondition(written == bytes.count)
}

struct InputReaderTests {
    /// Should deliver a tap's press and release, written in one go into an OS pipe, in UI pixels, then end at end-of-file
    @Test func tapThroughPipe() async throws {
        var ends: [CInt] = [0, 0]
        #expect(pipe(&ends) == 0)
        let touch = try TouchScreen(device: InputDevice.adopt(descriptor: ends[0], name: "test pipe"), panelWidth: 800, panelHeight: 480, rotation: .degrees180)
        writeEvents([.abs(slot, 0), .abs(trackingID, 5), .abs(mtX, 100), .abs(mtY, 50), .key(KeyCode.buttonTouch, 1), .report,
                     .abs(trackingID, -1), .key(KeyCode.buttonTouch, 0), .report], to: ends[1])
        close(ends[1])
        var received: [TouchEvent] = []
        for try await event in touch.events() { received.append(event) }
        // 180°: (799 - 100, 479 - 50).
        #expect(received == [TouchEvent(.down, contact: 5, x: 699, y: 429), TouchEvent(.up, contact: 5, x: 699, y: 429)])
    }

    /// Should read a FIFO by path, survive a writer leaving, and stop when the consumer stops
    @Test func eventsThroughFIFO() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("touch")
        #expect(mkfifo(path, 0o600) == 0)
        let touch = try TouchScreen.open(path, panelWidth: 100, panelHeight: 100)
        #expect(touch.device.kind == .stream)
        let stream = touch.events()
        // Two writers, one after the other: the reader keeps the FIFO open across both.
        for (id, x) in [(Int32(1), Int32(10)), (Int32(2), Int32(20))] {
            let writer = open(path, O_WRONLY)
            #expect(writer >= 0)
            writeEvents([.abs(slot, 0), .abs(trackingID, id), .abs(mtX, x), .abs(mtY, 30), .report, .abs(trackingID, -1), .report], to: writer)
            close(writer)
        }
        var received: [TouchEvent] = []
        for try await event in stream {
            received.append(event)
            if received.count == 4 { break }
        }
        #expect(received.map(\.phase) == [.down, .up, .down, .up])
        #expect(received.map(\.contact) == [1, 1, 2, 2])
    }

    /// Should resynchronise after SYN_DROPPED on a pipe by lifting every contact
    @Test func synDroppedOnPipeLiftsContacts() async throws {
        var ends: [CInt] = [0, 0]
        #expect(pipe(&ends) == 0)
        let touch = try TouchScreen(device: InputDevice.adopt(descriptor: ends[0], name: "test pipe"), panelWidth: 100, panelHeight: 100)
        writeEvents([.abs(slot, 0), .abs(trackingID, 8), .abs(mtX, 1), .abs(mtY, 2), .report,
                     .dropped, .abs(mtX, 50), .report], to: ends[1])
        close(ends[1])
        var received: [TouchEvent] = []
        for try await event in touch.events() { received.append(event) }
        #expect(received == [TouchEvent(.down, contact: 8, x: 1, y: 2), TouchEvent(.up, contact: 8, x: 1, y: 2)])
    }

    /// Should deliver scanned codes from a pipe of key events, a truncated last event notwithstanding
    @Test func scannerThroughPipe() async throws {
        var ends: [CInt] = [0, 0]
        #expect(pipe(&ends) == 0)
        let scanner = BarcodeScanner(device: InputDevice.adopt(descriptor: ends[0], name: "scanner pipe"))
        let bytes = scannerKeystrokes("HTTPS://A.CN/?x=1").flatMap(\.bytes) + [0x01, 0x02, 0x03]
        _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        var codes: [String] = []
        for try await code in scanner.codes() { codes.append(code) }
        #expect(codes == ["HTTPS://A.CN/?x=1"])
    }
}
