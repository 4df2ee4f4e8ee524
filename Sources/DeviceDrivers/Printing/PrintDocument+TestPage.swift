extension PrintDocument {
    public enum TestPageKind: String, Sendable, CaseIterable, Codable {
        /// A queue ticket: big number, window, QR.
        case ticket
        /// A receipt: key/value rows with the printer's profile and status, QR.
        case receipt
    }

    /// The URL in a test page's QR code: a technician scans it to check the code prints readably.
    public static func testPageURL(kioskID: String, printerName: String, kind: TestPageKind) -> String {
        "https://kioskd.invalid/printer-test?kiosk=\(kioskID)&printer=\(printerName)&page=\(kind.rawValue)"
    }

    /// A test page showing the printer's profile and status, and a QR code, in Chinese with English
    /// technical values (printers without a Chinese font ROM get it as a raster image).
    public static func testPage(_ kind: TestPageKind, kioskID: String, printerName: String, uri: PrinterURI, profile: PrinterProfile, status: PrinterStatus) -> PrintDocument {
        let url = testPageURL(kioskID: kioskID, printerName: printerName, kind: kind)
        var elements: [Element] = []
        switch kind {
        case .ticket:
            elements.append(.title("测试取号单"))
            elements.append(.bigNumber("A000"))
            elements.append(.line("请到 0 号窗口办理（测试）"))
        case .receipt:
            elements.append(.title("打印机测试"))
        }
        elements.append(.rule)
        elements.append(.keyValue("kiosk", kioskID))
        elements.append(.keyValue("printer", printerName))
        elements.append(.keyValue("uri", uri.description))
        elements.append(.keyValue("width", "\(profile.paperWidthDots) dots"))
        elements.append(.keyValue("font ROM / QR", "\(profile.chineseFontROM ? "yes" : "no") / \(profile.hardwareQR ? "yes" : "no")"))
        elements.append(.keyValue("cutter", profile.cutter.rawValue + (profile.presenter ? " + presenter" : "")))
        elements.append(.keyValue("status", status.condition.rawValue))
        elements.append(.rule)
        elements.append(.qrCode(url))
        elements.append(.cut)
        return PrintDocument(elements)
    }
}
