import DeviceDrivers
import Testing

struct PrinterURITests {
    /// Should parse every supported form
    @Test func validForms() throws {
        #expect(try PrinterURI(parsing: "file:/tmp/out.bin") == .file(path: "/tmp/out.bin"))
        #expect(try PrinterURI(parsing: "tcp:127.0.0.1:9100") == .tcp(host: "127.0.0.1", port: 9100))
        #expect(try PrinterURI(parsing: "usblp:/dev/usb/lp0") == .usblp(path: "/dev/usb/lp0"))
        #expect(try PrinterURI(parsing: "usb:0dd4:0205") == .usb(vendorID: 0x0DD4, productID: 0x0205))
        #expect(try PrinterURI(parsing: "cups:receipt") == .cups(queue: "receipt"))
        #expect(try PrinterURI(parsing: "ipp://localhost:8631/ipp/print") == .ipp(host: "localhost", port: 8631, resource: "/ipp/print"))
        #expect(try PrinterURI(parsing: "usb:0DD4:0205").description == "usb:0dd4:0205")
    }

    /// Should reject garbage with a message that names the URI and the accepted forms
    @Test(arguments: [
        ("", "is empty or contains spaces or control characters; use file:PATH, tcp:HOST:PORT, usblp:/dev/usb/lpN, usb:VVVV:PPPP, cups:QUEUE or ipp://HOST:PORT/RESOURCE."),
        ("lp0", "has no scheme; use file:PATH, tcp:HOST:PORT, usblp:/dev/usb/lpN, usb:VVVV:PPPP, cups:QUEUE or ipp://HOST:PORT/RESOURCE."),
        ("serial:/dev/ttyS0", "has the unknown scheme 'serial'; use file:PATH, tcp:HOST:PORT, usblp:/dev/usb/lpN, usb:VVVV:PPPP, cups:QUEUE or ipp://HOST:PORT/RESOURCE."),
        ("tcp:printer", "needs a port, e.g. tcp:192.168.1.50:9100."),
        ("tcp:printer:99999", "has a port that is not a number from 1 to 65535."),
        ("tcp::9100", "has no host name before the port."),
        ("usb:dd4:205", "must be usb:VVVV:PPPP with four hex digits each, as lsusb prints them (e.g. usb:0dd4:0205)."),
        ("usb:zzzz:0205", "must be usb:VVVV:PPPP with four hex digits each, as lsusb prints them (e.g. usb:0dd4:0205)."),
        ("usblp:lp0", "must name a device node, e.g. usblp:/dev/usb/lp0."),
        ("file:out.bin", "must name an absolute path, e.g. file:/var/tmp/receipts.bin."),
        ("cups:", "must name a CUPS queue (letters, digits, '-', '_'; see lpstat -p), e.g. cups:receipt."),
        ("cups:a/b", "must name a CUPS queue (letters, digits, '-', '_'; see lpstat -p), e.g. cups:receipt."),
        ("ipp://host", "has no resource path; write ipp://HOST:PORT/ipp/print."),
        ("tcp:host :9100", "is empty or contains spaces or control characters; use file:PATH, tcp:HOST:PORT, usblp:/dev/usb/lpN, usb:VVVV:PPPP, cups:QUEUE or ipp://HOST:PORT/RESOURCE."),
    ])
    func garbageIsRejected(text: String, problem: String) {
        #expect(throws: PrinterURI.ParseError(uri: text, problem: problem)) { try PrinterURI(parsing: text) }
    }
}
