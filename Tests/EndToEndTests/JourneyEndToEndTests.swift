import ControlProtocol
import Foundation
import Journal
import KioskTestSupport
import Synchronization
import Testing

/// The citizen's journey through the real parts: kioskd drawing into a frame file, touched through
/// an input_event FIFO, reading kiosk-sim's ID card reader on a pty, printing on kiosk-sim's
/// printer over TCP and asking a real kiosk-hall over HTTPS for the ticket number.
struct JourneyEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// The sample resident card's full number, name and address (KioskSimulation.SampleCards).
    static let personalData = ["530622199001010012", "张伟", "云南省昭通市巧家县白鹤滩镇示例路1号"]
    static let linkPrefix = "https://hall.example.gov.cn/q?"
    /// The technicians' PIN 246810 with a fixed salt (as `kioskctl pin-hash` prints it).
    static let pin = (salt: "0011223344556677", sha256: "39738fa4dedeb07508a9dc4ea4cf46fd3318faec6d5ddd44844f79f302117dff")

    struct Kiosk {
        let kioskd: KioskdInstance
        let panel: InputEventWriter
        let scanner: InputEventWriter
        let reader: KioskSimIDCard
        let printer: SimulatedPrinter
        let hall: HallInstance
        let configuration: String

        /// A new kioskd on the same state directory, devices and hall (after `kioskd.stop()`).
        func restarted() async throws -> Kiosk {
            let kioskd = try await KioskdInstance(kioskID: "K-JOURNEY", extraConfig: configuration, directory: kioskd.directory, hallURL: hall.url)
            return Kiosk(kioskd: kioskd, panel: panel, scanner: scanner, reader: reader, printer: printer, hall: hall, configuration: configuration)
        }
    }

    func startKiosk() async throws -> Kiosk {
        let hall = try HallInstance(extraArguments: ["--catalog", Self.repository + "/dev/catalog-sample.json"])
        try await hall.enroll("K-JOURNEY")
        try await hall.start()
        let reader = try await KioskSimIDCard()
        let printer = try await SimulatedPrinter()
        let directory = try TemporaryDirectory()
        let panel = try InputEventWriter(fifo: directory.file("touch.fifo"))
        let scanner = try InputEventWriter(fifo: directory.file("scanner.fifo"))
        let configuration = """
            [devices.card_reader]
            device = "\(reader.linkPath)"

            [devices.printers.receipt]
            uri = "\(printer.uri)"
            paper_width_dots = 576
            chinese_font_rom = true
            hardware_qr = true

            [devices.display]
            device = "file:fb?width=1080&height=1920"

            [devices.touchscreen]
            device = "touch.fifo"

            [devices.scanner]
            device = "scanner.fifo"

            [journey]
            ticket_link_prefix = "\(Self.linkPrefix)"
            maintenance_pin_salt = "\(Self.pin.salt)"
            maintenance_pin_sha256 = "\(Self.pin.sha256)"
            callback_public_key = "\(hall.directory.file("K-JOURNEY"))/hall-callback.pem"

            \(hall.syncTable(for: "K-JOURNEY"))
            """
        let kioskd = try await KioskdInstance(kioskID: "K-JOURNEY", extraConfig: configuration, directory: directory, hallURL: hall.url)
        return Kiosk(kioskd: kioskd, panel: panel, scanner: scanner, reader: reader, printer: printer, hall: hall, configuration: configuration)
    }

    /// The screen as kioskctl reports it (its name and buttons); nil while the display is still
    /// being opened.
    func screen(_ kioskd: KioskdInstance) async throws -> ScreenReport? {
        let result = try await kioskd.kioskctl(["screen", "status", "--json"])
        guard result.status == 0 else {
            lastKioskctlFailure.text.withLock { $0 = "exit \(result.status): \(result.standardError)" }
            return nil
        }
        return try JSONDecoder().decode(ScreenReport.self, from: Data(result.standardOutput.utf8))
    }

    /// Why the last `screen status` failed, for a wait's failure message.
    final class FailureNote: Sendable { let text = Mutex<String?>(nil) }
    let lastKioskctlFailure = FailureNote()

    /// Waits until the screen named `name` shows (the journey answers within a second; the hall
    /// and the printer within a few on a loaded machine).
    @discardableResult
    func waitForScreen(_ name: String, _ kioskd: KioskdInstance, timeout: Duration = .seconds(30)) async throws -> ScreenReport {
        let deadline = ContinuousClock.now + timeout
        var last: ScreenReport?
        while ContinuousClock.now < deadline {
            last = try await screen(kioskd) ?? last
            if let last, last.screen == name { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        let log = kioskd.process.standardError.split(separator: "\n").suffix(40).joined(separator: "\n")
        let failure = lastKioskctlFailure.text.withLock { $0 } ?? "none"
        Issue.record("the screen '\(name)' never showed; last: \(last?.screen ?? "none") with \(last?.targets?.map(\.intent) ?? []); last kioskctl failure: \(failure); kioskd's last lines:\n\(log)")
        throw CancellationError()
    }

    /// Taps the centre of the button whose intent is `intent` on the screen now showing.
    func tap(_ intent: String, on report: ScreenReport, _ panel: InputEventWriter) throws {
        let target = try #require(report.targets?.first { $0.intent == intent }, "no '\(intent)' button on '\(report.screen ?? "?")': \(report.targets?.map(\.intent) ?? [])")
        panel.tap(x: Int32(target.centre.x), y: Int32(target.centre.y))
    }

    /// Should take an elderly citizen's touch from the attract screen to a printed ticket and a
    /// rating: the ticket's QR code decodes, the journal holds each step in order, and no full ID
    /// number, name or address is anywhere in kioskd's or the hall's files
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg"), "zbarimg is not installed; `make test` installs zbar-tools"))
    func touchCardTicketRating() async throws {
        let kiosk = try await startKiosk()
        let (kioskd, panel) = (kiosk.kioskd, kiosk.panel)

        try tap("wake", on: try await waitForScreen("attract", kioskd), panel)
        try tap("service:housing-fund-rent", on: try await waitForScreen("home", kioskd), panel)
        try tap("take-ticket", on: try await waitForScreen("guide", kioskd), panel)
        try await waitForScreen("insert-card", kioskd)
        try kiosk.reader.send("place resident")
        let issued = try await waitForScreen("ticket-issued", kioskd)

        // The hall numbered it (category B, the first of tomorrow's); the printer printed it.
        let tickets = try kiosk.printer.tickets()
        try #require(tickets.count == 1, "printed: \(tickets)")
        let decoded = try await runToCompletion("/usr/bin/zbarimg", ["-q", "--raw", tickets[0]], in: kiosk.printer.directory.path)
        let qr = decoded.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(qr.hasPrefix(Self.linkPrefix) && qr.contains("B001"), "QR text: \(qr)")

        try tap("finish", on: issued, panel)
        try tap("rating:5", on: try await waitForScreen("rating", kioskd), panel)
        try await waitForScreen("rating-thanks", kioskd)

        #expect(await kioskd.stop() == 0)
        _ = await kiosk.hall.stop()
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-JOURNEY")
        let events = try await journal.events(limit: 1000)
        try journal.close()
        let steps = events.map(\.kind.rawValue).filter { ["session.started", "service.used", "ticket.issued", "rating.given"].contains($0) }
        #expect(steps == ["session.started", "service.used", "ticket.issued", "rating.given"], "\(events.map(\.kind))")
        let ticket = try #require(events.first { $0.kind.rawValue == "ticket.issued" })
        #expect(ticket.payload.contains("\"number\":\"B001\"") && ticket.payload.contains("\"category\":\"B\""), "\(ticket.payload)")

        for directory in [kioskd.directory.path, kiosk.hall.directory.path] {
            for (file, found) in Self.filesHolding(Self.personalData, under: directory) {
                Issue.record("'\(file)' holds personal data in the clear: \(found)")
            }
        }
    }

    /// Should refuse the same person a second ticket of the same category for the same day after
    /// kioskd restarts (the claim comes back from the journal), without asking the hall or printing
    @Test func secondTicketRefusedAfterRestart() async throws {
        let first = try await startKiosk()
        func takeTicket(_ kiosk: Kiosk) async throws {
            try tap("wake", on: try await waitForScreen("attract", kiosk.kioskd), kiosk.panel)
            try tap("service:housing-fund-rent", on: try await waitForScreen("home", kiosk.kioskd), kiosk.panel)
            try tap("take-ticket", on: try await waitForScreen("guide", kiosk.kioskd), kiosk.panel)
            try await waitForScreen("insert-card", kiosk.kioskd)
            try kiosk.reader.send("place resident")
        }
        try await takeTicket(first)
        try await waitForScreen("ticket-issued", first.kioskd)
        try first.reader.send("lift")
        #expect(await first.kioskd.stop() == 0)

        let second = try await first.restarted()
        try await takeTicket(second)
        try await waitForScreen("notice", second.kioskd)
        #expect(try second.printer.tickets().count == 1, "a second ticket was printed")
        #expect(await second.kioskd.stop() == 0)
        _ = await second.hall.stop()
    }

    /// Should send a complaint's phone number to the hall sealed, so that `kiosk-hall report` on
    /// the hall's server shows the number to call back while neither the kiosk's files nor the
    /// hall's database (nor the report page) hold it in the clear
    @Test func complaintReachesTheHallSealed() async throws {
        let kiosk = try await startKiosk()
        let (kioskd, panel) = (kiosk.kioskd, kiosk.panel)
        try tap("wake", on: try await waitForScreen("attract", kioskd), panel)
        try tap("help", on: try await waitForScreen("home", kioskd), panel)
        let form = try await waitForScreen("complaint", kioskd)
        try tap("topic:could_not_get_it_done", on: form, panel)
        for digit in "13812345678" { try tap("digit:\(digit)", on: form, panel) }
        try await Task.sleep(for: .milliseconds(300))
        try tap("submit", on: try #require(try await screen(kioskd)), panel)
        try await waitForScreen("complaint-filed", kioskd)
        let synced = try await kioskd.kioskctl(["sync", "now"])
        #expect(synced.status == 0, "\(synced.standardOutput)\(synced.standardError)")

        let today = String(ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate]))
        let report = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["report", "--state-directory", kiosk.hall.stateDirectory, "--date", today], in: kiosk.hall.directory.path)
        #expect(report.standardOutput.contains("could_not_get_it_done (call 13812345678)"), "\(report.standardOutput)\(report.standardError)")
        let page = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["report", "--state-directory", kiosk.hall.stateDirectory, "--date", today, "--html"], in: kiosk.hall.directory.path)
        #expect(page.standardOutput.contains("138****5678") && !page.standardOutput.contains("13812345678"))

        #expect(await kioskd.stop() == 0)
        _ = await kiosk.hall.stop()
        for directory in [kioskd.directory.path, kiosk.hall.stateDirectory] {
            for (file, _) in Self.filesHolding(["13812345678"], under: directory) {
                Issue.record("'\(file)' holds the complaint's phone number in the clear")
            }
        }
        // Nor digit by digit: which key was typed is never logged (PINs and phone numbers).
        // (kioskd's own log only: kioskctl's answers list the keypad's buttons.)
        for (file, _) in Self.filesHolding(["digit:1", "digit:3", "digit:8"], under: kioskd.directory.path) where file.hasPrefix("kioskd.") {
            Issue.record("'\(file)' logs the digits typed")
        }
    }

    /// Should check in today's booking from its QR code scanned on the attract screen: the hall
    /// gives it a priority number, the printer prints it, the journal records the check-in
    @Test func bookingCheckedInByQRCode() async throws {
        let kiosk = try await startKiosk()
        let today = String(ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate]))
        let bookings = try kiosk.hall.directory.write("bookings.json", """
            [{"code": "BK-E2E-1", "holder": "\(String(repeating: "0f", count: 32))", "date": "\(today)", "category": "B", "serviceID": "housing-fund-rent"}]
            """)
        let imported = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["import-bookings", "--state-directory", kiosk.hall.stateDirectory, bookings], in: kiosk.hall.directory.path)
        #expect(imported.status == 0, "\(imported.standardError)")

        try await waitForScreen("attract", kiosk.kioskd)
        kiosk.scanner.scan("BK-E2E-1")
        let issued = try await waitForScreen("ticket-issued", kiosk.kioskd)
        #expect(issued.targets?.contains { $0.intent == "finish" } == true)
        let tickets = try kiosk.printer.tickets()
        try #require(tickets.count == 1)
        let decoded = try await runToCompletion("/usr/bin/zbarimg", ["-q", "--raw", tickets[0]], in: kiosk.printer.directory.path)
        #expect(decoded.standardOutput.contains("YB001"), "\(decoded.standardOutput)")

        #expect(await kiosk.kioskd.stop() == 0)
        _ = await kiosk.hall.stop()
        let journal = try Journal(path: kiosk.kioskd.journalPath, kioskID: "K-JOURNEY")
        let events = try await journal.events(limit: 1000)
        try journal.close()
        let checkIn = try #require(events.first { $0.kind.rawValue == "checkin.done" })
        #expect(checkIn.payload.contains("\"number\":\"YB001\""), "\(checkIn.payload)")
    }

    /// Should stop offering a ticket while the printer is out of paper, saying so, and offer it
    /// again by itself once paper is back (the printer service's state reaches the screen)
    @Test func paperOutWithdrawsTheTicketButton() async throws {
        let kiosk = try await startKiosk()
        let (kioskd, panel) = (kiosk.kioskd, kiosk.panel)
        try tap("wake", on: try await waitForScreen("attract", kioskd), panel)
        try tap("service:housing-fund-rent", on: try await waitForScreen("home", kioskd), panel)
        #expect(try await waitForScreen("guide", kioskd).targets?.contains { $0.intent == "take-ticket" } == true)
        try await kiosk.printer.control("paper-out")
        #expect(try await waitForButton("take-ticket", present: false, kioskd), "the ticket button stayed while paper was out")
        try await kiosk.printer.control("ready")
        #expect(try await waitForButton("take-ticket", present: true, kioskd), "the ticket button did not come back with the paper")
        #expect(try kiosk.printer.tickets().isEmpty)
        #expect(await kioskd.stop() == 0)
        _ = await kiosk.hall.stop()
    }

    /// Waits (up to 20 s: the printer is polled every 5 s) for a button to appear or go.
    func waitForButton(_ intent: String, present: Bool, _ kioskd: KioskdInstance) async throws -> Bool {
        for _ in 0..<200 {
            if let report = try await screen(kioskd), (report.targets?.contains { $0.intent == intent } ?? false) == present { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Should answer a progress inquiry typed on the keypad with the hall's record of the case
    @Test func progressInquiryAnsweredByTheHall() async throws {
        let kiosk = try await startKiosk()
        let records = try kiosk.hall.directory.write("progress.json", """
            [{"caseNumber": "20261130001234", "status": "审批中", "nextStep": "请等待短信通知", "updatedAtMs": 1796000000000}]
            """)
        let imported = try await runToCompletion(BuiltExecutable.path("kiosk-hall"), ["import-progress", "--state-directory", kiosk.hall.stateDirectory, records], in: kiosk.hall.directory.path)
        #expect(imported.status == 0, "\(imported.standardError)")
        let (kioskd, panel) = (kiosk.kioskd, kiosk.panel)
        try tap("wake", on: try await waitForScreen("attract", kioskd), panel)
        try tap("progress-inquiry", on: try await waitForScreen("home", kioskd), panel)
        let keypad = try await waitForScreen("case-number-entry", kioskd)
        for digit in "20261130001234" { try tap("digit:\(digit)", on: keypad, panel) }
        try await Task.sleep(for: .milliseconds(300))
        try tap("submit", on: try #require(try await screen(kioskd)), panel)
        try await waitForScreen("progress", kioskd)
        #expect(await kioskd.stop() == 0)
        _ = await kiosk.hall.stop()
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-JOURNEY")
        let inquiry = try await journal.events(limit: 1000).first { $0.kind.rawValue == "inquiry.made" }
        try journal.close()
        #expect(inquiry?.payload == #"{"result":"found"}"#, "\(inquiry?.payload ?? "no inquiry journaled")")
    }

    /// Should open the technicians' screen after the four corners and the PIN, and not before
    @Test func maintenanceBehindCornersAndPIN() async throws {
        let kiosk = try await startKiosk()
        let (kioskd, panel) = (kiosk.kioskd, kiosk.panel)
        let attract = try await waitForScreen("attract", kioskd)
        for corner in ["topLeft", "topRight", "bottomRight", "bottomLeft"] { try tap("corner:\(corner)", on: attract, panel) }
        let pad = try await waitForScreen("pin-entry", kioskd)
        for digit in "246810" { try tap("digit:\(digit)", on: pad, panel) }
        try await Task.sleep(for: .milliseconds(300))
        try tap("submit", on: try #require(try await screen(kioskd)), panel)
        try await waitForScreen("maintenance", kioskd)
        #expect(await kioskd.stop() == 0)
        _ = await kiosk.hall.stop()
    }

    /// A kioskd with a directory of plain files standing in for /sys/class/backlight/NAME
    /// (max_brightness 1000, brightness 800), dimming to 25% after 20 s untouched.
    func startWithBacklight(brightness: String = "800\n") async throws -> (kioskd: KioskdInstance, panel: InputEventWriter, level: @Sendable () -> String) {
        let directory = try TemporaryDirectory()
        let backlight = directory.file("backlight")
        try FileManager.default.createDirectory(atPath: backlight, withIntermediateDirectories: true)
        try directory.write("backlight/max_brightness", "1000\n")
        try directory.write("backlight/brightness", brightness)
        let panel = try InputEventWriter(fifo: directory.file("touch.fifo"))
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:fb?width=1080&height=1920"
            backlight = "backlight"
            dimmed_backlight_percent = 25

            [devices.touchscreen]
            device = "touch.fifo"

            [journey]
            dim_after_seconds = 20
            """, directory: directory)
        let level: @Sendable () -> String = {
            ((try? String(contentsOfFile: backlight + "/brightness", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (kioskd, panel, level)
    }

    /// Should turn the backlight down to the configured share when the attract screen dims, and
    /// up again at the citizen's touch (the screen task sets it before it answers the next status)
    @Test func backlightFollowsTheDimmedAttractScreen() async throws {
        let (kioskd, panel, level) = try await startWithBacklight()
        // A level read before a status that still says "attract" was read before the dim (the
        // screen task dims before it answers later statuses). A test starved past the 20 s
        // cannot tell, and checks only the rest.
        var before = level()
        var first = try await screen(kioskd)
        for _ in 0..<600 where first?.screen == nil {  // the display is still being opened
            try await Task.sleep(for: .milliseconds(100))
            before = level()
            first = try await screen(kioskd)
        }
        if first?.screen == "attract" {
            #expect(before == "800", "the backlight changed before the screen dimmed")
        }
        let dimmed = try await waitForScreen("attract-dimmed", kioskd, timeout: .seconds(90))
        #expect(level() == "250", "dimmed to 25% of 1000")
        try tap("wake", on: dimmed, panel)
        try await waitForScreen("home", kioskd, timeout: .seconds(60))
        #expect(level() == "800", "restored at the touch")
    }

    /// Should say once, naming the backlight and the fix, when its brightness reads as garbage,
    /// leave the file as it was, and go on serving
    @Test func garbageBacklightIsLeftAlone() async throws {
        let (kioskd, panel, level) = try await startWithBacklight(brightness: "bright\n")
        let dimmed = try await waitForScreen("attract-dimmed", kioskd, timeout: .seconds(90))
        #expect(level() == "bright")
        let log = kioskd.process.standardError
        #expect(log.contains("The backlight cannot be dimmed") && log.contains("cannot read brightness and max_brightness"), "\(log)")
        try tap("wake", on: dimmed, panel)
        try await waitForScreen("home", kioskd, timeout: .seconds(60))
        #expect(level() == "bright")
    }

    /// Should leave the backlight as it found it when kioskd stops on the dimmed screen
    @Test func backlightRestoredAtStop() async throws {
        let (kioskd, _, level) = try await startWithBacklight()
        try await waitForScreen("attract-dimmed", kioskd, timeout: .seconds(90))
        #expect(level() == "250")
        #expect(await kioskd.stop() == 0)
        #expect(level() == "800", "kioskd stopped with the panel dimmed")
    }

    /// Should speak each step's prompt through the configured voice program, in Mandarin, and in
    /// English after the citizen switches language
    @Test func speaksPromptsInTheSessionsLanguage() async throws {
        let directory = try TemporaryDirectory()
        let spoken = directory.file("spoken.txt")
        let say = try directory.write("say.sh", "#!/bin/sh\nprintf '%s|' \"$@\" >> '\(spoken)'\necho >> '\(spoken)'\n")
        chmod(say, 0o755)
        let panel = try InputEventWriter(fifo: directory.file("touch.fifo"))
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:fb?width=1080&height=1920"

            [devices.touchscreen]
            device = "touch.fifo"

            [journey]
            voice_prompts = true
            voice_command = "\(say)"
            """, directory: directory)
        try tap("wake", on: try await waitForScreen("attract", kioskd), panel)
        let home = try await waitForScreen("home", kioskd)
        try tap("language:en", on: home, panel)
        var lines: [String] = []
        for _ in 0..<100 {
            lines = ((try? String(contentsOfFile: spoken, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            if lines.count >= 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(lines == ["-v|cmn|请选择要办理的事项|", "-v|en|Choose what you need to do|"])
        #expect(await kioskd.stop() == 0)
    }

    /// Every file under `directory` holding one of `needles` (as UTF-8 or UTF-16LE, the card's own
    /// encoding), with what it holds.
    static func filesHolding(_ needles: [String], under directory: String) -> [(String, String)] {
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        for relative in files {
            let path = directory + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for needle in needles {
                let utf16 = needle.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                if data.range(of: Data(needle.utf8)) != nil || data.range(of: Data(utf16)) != nil {
                    found.append((relative, needle))
                }
            }
        }
        return found
    }
}
