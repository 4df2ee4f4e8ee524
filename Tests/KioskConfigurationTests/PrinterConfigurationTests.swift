import DeviceDrivers
import Testing
@testable import KioskConfiguration

/// `[devices.printers.NAME]` sections: read in full, and every bad value refused with file, line and key.
struct PrinterConfigurationTests {
    let file = "/etc/kioskd/kioskd.toml"
    let head = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\n"

    /// Should read two printers with every profile key, in file order
    @Test func readsPrinters() throws {
        let text = head + """
            [devices.printers.ticket]
            uri = "tcp:127.0.0.1:9100"
            paper_width_dots = 384
            chinese_font_rom = false
            hardware_qr = false
            cutter = "partial"
            presenter = true

            [devices.printers.guide]
            uri = "cups:a4"
            """
        let printers = try KioskConfiguration.parse(text, sourcePath: file).devices.printers
        #expect(printers == [
            PrinterConfiguration(name: "ticket", uri: .tcp(host: "127.0.0.1", port: 9100),
                                 profile: PrinterProfile(paperWidthDots: 384, chineseFontROM: false, hardwareQR: false, cutter: .partial, presenter: true)),
            PrinterConfiguration(name: "guide", uri: .cups(queue: "a4"), profile: .standard80mm),
        ])
    }

    /// Should refuse bad printer values, naming the line and the dotted key, and the problem
    @Test(arguments: [
        ("[devices.printers.r]\nuri = \"serial:/dev/ttyS0\"\n", 4, "devices.printers.r.uri", "has the unknown scheme 'serial'"),
        ("[devices.printers.r]\nuri = 9100\n", 4, "devices.printers.r.uri", "expected a string, found an integer"),
        ("[devices.printers.r]\npaper_width_dots = 576\n", nil, "devices.printers.r.uri", "is missing"),
        ("[devices.printers.r]\nuri = \"file:/tmp/x\"\npaper_width_dots = 577\n", 5, "devices.printers.r.paper_width_dots", "must be a multiple of 8"),
        ("[devices.printers.r]\nuri = \"file:/tmp/x\"\npaper_width_dots = 99999\n", 5, "devices.printers.r.paper_width_dots", "must be from 8 to 2048"),
        ("[devices.printers.r]\nuri = \"file:/tmp/x\"\nhardware_qr = \"yes\"\n", 5, "devices.printers.r.hardware_qr", "expected true or false"),
        ("[devices.printers.r]\nuri = \"file:/tmp/x\"\ncutter = \"guillotine\"\n", 5, "devices.printers.r.cutter", "must be \"full\", \"partial\" or \"none\""),
        ("[devices.printers.r]\nuri = \"file:/tmp/x\"\ncolour = true\n", 5, "devices.printers.r.colour", "unknown key"),
        ("[devices.printers]\nuri = \"file:/tmp/x\"\n", 4, "devices.printers.uri", "expected a table"),
        ("[devices]\nprinters = \"tcp:h:1\"\n", 4, "devices.printers", "expected a table"),
    ] as [(String, Int?, String, String)])
    func badValuesAreRefused(section: String, line: Int?, key: String, problem: String) {
        expectRefused(head + section, line: line, key: key, problem: problem)
    }
}
