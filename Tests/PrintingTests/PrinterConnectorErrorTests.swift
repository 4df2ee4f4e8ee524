import DeviceDrivers
import KioskTestSupport
import Testing

/// Opening printers that are not there: a clear error naming the printer and the fix.
struct PrinterConnectorErrorTests {
    /// Should report a USB printer that is not plugged in as not connected, pointing at lsusb
    @Test func absentUSBPrinter() async {
        let error = await #expect(throws: PrinterError.self) { try await PrinterConnector.open(.usb(vendorID: 0xFFFE, productID: 0xFFFE), profile: .standard80mm) }
        #expect(error?.code == .notConnected)
        #expect(error?.message.hasPrefix("Printer 'usb:fffe:fffe': no such USB device") == true)
    }

    /// Should report a missing usblp node as not connected, naming the path
    @Test func absentUSBLPNode() async {
        let error = await #expect(throws: PrinterError.self) { try await PrinterConnector.open(.usblp(path: "/dev/usb/lp97"), profile: .standard80mm) }
        #expect(error?.code == .notConnected)
        #expect(error?.message == "Printer 'usblp:/dev/usb/lp97': nothing there (open: No such file or directory); check the USB cable and that the printer is on.")
    }

    /// Should report a refused TCP connection as not reachable
    @Test func refusedTCP() async throws {
        let port = try FreePort.pick()
        let error = await #expect(throws: PrinterError.self) { try await PrinterConnector.open(.tcp(host: "127.0.0.1", port: port), profile: .standard80mm) }
        #expect(error?.code == .notConnected)
        #expect(error?.message == "Printer 'tcp:127.0.0.1:\(port)' is not reachable (connect: Connection refused); check that it is on and its network address.")
    }

    /// Should report a file printer in a missing directory as not connected
    @Test func fileInMissingDirectory() async {
        let error = await #expect(throws: PrinterError.self) { try await PrinterConnector.open(.file(path: "/nonexistent-dir/out.bin"), profile: .standard80mm) }
        #expect(error?.code == .notConnected)
    }
}
