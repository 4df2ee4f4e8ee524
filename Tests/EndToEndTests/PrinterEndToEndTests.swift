import ControlProtocol
import Foundation
import Journal
import KioskTestSupport
import Testing

/// kioskd's printer service against a real simulated printer on TCP, driven through kioskctl.
struct PrinterEndToEndTests {
    func startKioskd(printer: SimulatedPrinter, name: String = "ticket") async throws -> KioskdInstance {
        try await KioskdInstance(extraConfig: """
            [devices.printers.\(name)]
            uri = "\(printer.uri)"
            paper_width_dots = 576
            """)
    }

    /// Should print a ticket through the daemon whose picture's QR code decodes to the printed URL
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg"), "zbarimg is not installed; `make test` installs zbar-tools"))
    func ticketQRCodeDecodes() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await startKioskd(printer: printer)
        let result = try await kioskd.kioskctl(["printer", "test", "ticket"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Printed a test ticket on 'ticket'"))
        let tickets = try printer.tickets()
        #expect(tickets.count == 1)
        let decoded = try await runToCompletion("/usr/bin/zbarimg", ["-q", "--raw", tickets[0]], in: printer.directory.path)
        #expect(decoded.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "https://kioskd.invalid/printer-test?kiosk=K-TEST&printer=ticket&page=ticket")
        let status = try await kioskd.kioskctl(["printer", "status", "--json"])
        let reports = try JSONDecoder().decode([PrinterReport].self, from: Data(status.standardOutput.utf8))
        #expect(reports.map(\.printed) == [1])
        #expect(reports.map(\.state) == ["ready"])
    }

    /// Should print a raster ticket whose QR code decodes on a printer without font ROM or hardware QR
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg"), "zbarimg is not installed; `make test` installs zbar-tools"))
    func rasterTicketQRCodeDecodes() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.printers.cheap]
            uri = "\(printer.uri)"
            paper_width_dots = 384
            chinese_font_rom = false
            hardware_qr = false
            cutter = "partial"
            """)
        let result = try await kioskd.kioskctl(["printer", "test", "ticket"])
        #expect(result.status == 0, "\(result.standardError)")
        let tickets = try printer.tickets()
        #expect(tickets.count == 1)
        let decoded = try await runToCompletion("/usr/bin/zbarimg", ["-q", "--raw", tickets[0]], in: printer.directory.path)
        #expect(decoded.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "https://kioskd.invalid/printer-test?kiosk=K-TEST&printer=cheap&page=ticket")
    }

    /// Should report paper running out mid-job as a failure, and count nothing as printed
    @Test func paperOutMidJobIsReported() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await startKioskd(printer: printer)
        // Enough paper for the title, not for the QR code.
        try await printer.control("paper-remaining 150")
        let result = try await kioskd.kioskctl(["printer", "test", "ticket"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("reported paper out during the job"), "\(result.standardError)")
        let status = try await kioskd.kioskctl(["printer", "status", "--json"])
        #expect(status.status == 1)
        let reports = try JSONDecoder().decode([PrinterReport].self, from: Data(status.standardOutput.utf8))
        #expect(reports.first?.printed == 0)
        #expect(reports.first?.failed == 1)
        #expect(reports.first?.state == "paper out")
        #expect(try printer.tickets().isEmpty)
    }

    /// Should show the printer degraded while its cover is open and ready again once it is closed
    @Test func coverOpenDegradesAndRecovers() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await startKioskd(printer: printer)
        #expect(try await kioskd.kioskctl(["printer", "status"]).status == 0)
        try await printer.control("cover-open")
        let open = try await kioskd.kioskctl(["printer", "status"])
        #expect(open.status == 1)
        #expect(open.standardOutput.contains("State: cover open"))
        #expect(open.standardOutput.contains("Advice: close the printer cover"))
        let refused = try await kioskd.kioskctl(["printer", "test"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("cannot print: cover open"))
        try await printer.control("cover-closed")
        let closed = try await kioskd.kioskctl(["printer", "status"])
        #expect(closed.status == 0)
        #expect(closed.standardOutput.contains("State: ready"))
        let summary = try kioskd.client.send(.status)
        #expect(summary.status?.devices.map(\.state) == ["ready"])
        // Each change is in the journal, for the hall.
        #expect(await kioskd.stop(timeout: .seconds(30)) == 0)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-TEST")
        let changes = try await journal.events(limit: 100).filter { $0.kind.rawValue == "printer.state_changed" }
        try journal.close()
        #expect(changes.map { $0.payload.contains("\"printer\":\"ticket\"") } == [true, true, true])
        #expect(changes.map { ["ready", "cover open"].first(where: $0.payload.contains) } == ["ready", "cover open", "ready"])
    }

    /// Should give a bounded error, not a hang, when the printer jams and stops reading
    @Test func jammedPrinterGivesBoundedError() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await startKioskd(printer: printer)
        try await printer.control("jam")
        let started = ContinuousClock.now
        let result = try await kioskd.kioskctl(["printer", "test"])
        #expect(result.status == 1)
        // Hang detection only.
        #expect(ContinuousClock.now - started < .seconds(60))
        let status = try await kioskd.kioskctl(["printer", "status", "--json"])
        let reports = try JSONDecoder().decode([PrinterReport].self, from: Data(status.standardOutput.utf8))
        #expect(reports.first?.printed == 0)
        #expect(reports.first?.state != "ready")
    }

    /// Should read a printer's status directly with --device, with no kioskd running
    @Test func directStatus() async throws {
        let printer = try await SimulatedPrinter()
        try await printer.control("paper-near-end")
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "status", "--device", printer.uri, "--config", directory.file("none.toml")], in: directory.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("State: paper near end"))
        #expect(result.standardOutput.contains("DLE EOT 1..4: 12 12 12 1e"))
    }

    /// Should print a test receipt directly with --device
    @Test func directTestReceipt() async throws {
        let printer = try await SimulatedPrinter()
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "test", "--device", printer.uri, "--config", directory.file("none.toml"), "receipt"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try printer.tickets().count == 1)
    }

    /// Should refuse a malformed --device URI with a usage error naming the URI and the forms
    @Test func garbageDeviceIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "status", "--device", "lp0"], in: directory.path)
        #expect(result.status == 64)
        #expect(result.standardError.contains("The printer URI 'lp0' has no scheme; use file:PATH, tcp:HOST:PORT"))
    }

    /// Should say clearly when nothing answers at a --device address
    @Test func absentDeviceIsReported() async throws {
        let directory = try TemporaryDirectory()
        let port = try FreePort.pick()
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "status", "--device", "tcp:127.0.0.1:\(port)"], in: directory.path)
        #expect(result.status == 69)
        #expect(result.standardError.contains("Printer 'tcp:127.0.0.1:\(port)' is not reachable"))
    }

    /// Should append a test page's bytes to a file: printer, with status ready and no reads
    @Test func filePrinterAppends() async throws {
        let directory = try TemporaryDirectory()
        let output = directory.file("printer.bin")
        let kioskd = try await KioskdInstance(extraConfig: "[devices.printers.dry]\nuri = \"file:\(output)\"\n")
        let result = try await kioskd.kioskctl(["printer", "test", "receipt"])
        #expect(result.status == 0, "\(result.standardError)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        // ESC @ then FS & start every job.
        #expect(Array(bytes.prefix(4)) == [0x1B, 0x40, 0x1C, 0x26])
    }

    /// Should refuse a printer name that is not configured, naming the configured ones
    @Test func unknownPrinterNameIsRefused() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await startKioskd(printer: printer)
        let result = try await kioskd.kioskctl(["printer", "status", "--printer", "nope"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("No printer named 'nope'; configured: ticket."))
    }
}

/// The usblp path (a character device opened non-blocking) against the simulator's pty.
struct PrinterCharacterDeviceTests {
    /// Should print and read status through a character device node, as on /dev/usb/lp0
    @Test func usblpPathOverPTY() async throws {
        let directory = try TemporaryDirectory("kioskd-sim-pty")
        try FileManager.default.createDirectory(atPath: directory.file("paper"), withIntermediateDirectories: true)
        let port = try FreePort.pick()
        let link = directory.file("printer-tty")
        let simulator = try ChildProcess(BuiltExecutable.path("kiosk-sim"), ["printer", "run", "--port", String(port), "--output", directory.file("paper"), "--control", directory.file("control.sock"), "--pty", link], outputDirectory: directory.path)
        try await CUPSTestEnvironment.waitForPort(port, what: "kiosk-sim printer", log: { simulator.standardError })
        let node = try FileManager.default.destinationOfSymbolicLink(atPath: link)
        #expect(node.hasPrefix("/dev/pts/"))
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "test", "--device", "usblp:\(node)", "--config", directory.file("none.toml"), "ticket"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("the printer reports ready"))
        let tickets = try FileManager.default.contentsOfDirectory(atPath: directory.file("paper")).filter { $0.hasSuffix(".png") }
        #expect(tickets == ["ticket-0001.png"])
    }
}

/// Kiosk printers with a presenter answer the full status (10 04 14).
struct PresenterPrinterTests {
    /// Should read the full status from a presenter printer and report a missing roll as paper out
    @Test func fullStatusFromPresenterPrinter() async throws {
        let printer = try await SimulatedPrinter()
        try await printer.control("paper-out")
        let directory = try TemporaryDirectory()
        let config = try directory.write("kioskd.toml", """
            kiosk_id = "K-1"
            hall_url = "https://h"
            [devices.printers.vkp80]
            uri = "\(printer.uri)"
            presenter = true
            """)
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "status", "--device", printer.uri, "--config", config], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("State: paper out"))
        #expect(result.standardOutput.contains("Status: full status 10 0f 01 00 00 00"))
        #expect(result.standardOutput.contains("presenter"))
    }
}

/// kioskd printing through a real cupsd (CUPS_SERVER in its environment) to a real IPP printer.
@Suite(.enabled(if: CUPSTestEnvironment.available, "cupsd, ippeveprinter or dbus-daemon is not installed; `make test` installs them"))
struct CUPSPrinterServiceTests {
    /// Should print a test receipt through the configured CUPS queue, landing as ESC/POS in the printer's spool
    @Test func testReceiptThroughCUPS() async throws {
        let cups = try await CUPSTestEnvironment()
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.printers.receipt]
            uri = "cups:\(cups.queue)"
            """, environment: ["CUPS_SERVER": cups.cupsSocket])
        let result = try await kioskd.kioskctl(["printer", "test", "receipt"])
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try cups.spooledDocuments()
        #expect(documents.count == 1)
        // ESC @ then FS &: the job went through the raw queue untouched.
        #expect(documents.first.map { Array($0.prefix(4)) } == [0x1B, 0x40, 0x1C, 0x26])
        let status = try await kioskd.kioskctl(["printer", "status", "--json"])
        let reports = try JSONDecoder().decode([PrinterReport].self, from: Data(status.standardOutput.utf8))
        #expect(reports.map(\.printed) == [1])
        #expect(reports.first?.raw.hasPrefix("printer-state 3") == true)
    }
}

/// Bad printer requests at the control socket and the command line.
struct PrinterRequestGarbageTests {
    /// Should refuse an unknown test page over the control socket with a clear error, printing nothing
    @Test func unknownTestPageOverSocket() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await KioskdInstance(extraConfig: "[devices.printers.ticket]\nuri = \"\(printer.uri)\"\n")
        let response = try kioskd.client.send(ControlRequest(.printerTest(printer: nil, page: "poster")))
        #expect(response.ok == false)
        #expect(response.error == ControlFailure(code: .badRequest, message: "Unknown test page 'poster'; use ticket or receipt."))
        #expect(try printer.tickets().isEmpty)
    }

    /// Should answer printer commands on a kiosk without printers with a clear error
    @Test func noPrintersConfigured() async throws {
        let kioskd = try await KioskdInstance()
        let result = try await kioskd.kioskctl(["printer", "status"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("No printers are configured"))
    }

    /// Should refuse an unknown page name on the command line with a usage error
    @Test func unknownPageOnCommandLine() async throws {
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["printer", "test", "--device", "tcp:127.0.0.1:9", "poster"], in: directory.path)
        #expect(result.status == 64)
        #expect(result.standardError.contains("poster"))
    }
}
