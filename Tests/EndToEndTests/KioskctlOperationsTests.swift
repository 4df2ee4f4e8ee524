import ControlProtocol
import Foundation
import KioskTestSupport
import Testing

/// The technicians' morning commands: devices, logs, journal stats and export, maintenance.
struct KioskctlOperationsTests {
    /// Should list each device with its model, state and counters, exit 0 while all are ready and
    /// 1 once one is not (paper out), naming the state
    @Test func devicesReportStateAndExitStatus() async throws {
        let printer = try await SimulatedPrinter()
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.printers.receipt]
            uri = "\(printer.uri)"
            """)
        var ready: (status: Int32, standardOutput: String, standardError: String)?
        for _ in 0..<100 {
            ready = try await kioskd.kioskctl(["devices", "--json"])
            if ready?.status == 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let devices = try JSONDecoder().decode([DeviceSummary].self, from: Data((ready?.standardOutput ?? "").utf8))
        let receipt = try #require(devices.first { $0.name == "Printer receipt" })
        #expect(receipt.state == "ready" && receipt.model?.contains("576") == true && receipt.counters?["printed"] == 0, "\(receipt)")
        try await printer.control("paper-out")
        var out: (status: Int32, standardOutput: String, standardError: String)?
        for _ in 0..<150 {
            out = try await kioskd.kioskctl(["devices"])
            if out?.status == 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(out?.status == 1)
        #expect(out?.standardOutput.contains("State: paper out") == true, "\(out?.standardOutput ?? "")")
        #expect(await kioskd.stop() == 0)
    }

    /// Should show the daemon's recent log lines, oldest first, and refuse a bad count
    @Test func logsShowRecentLines() async throws {
        let kioskd = try await KioskdInstance()
        let logs = try await kioskd.kioskctl(["logs", "--lines", "1000", "--json"])
        #expect(logs.status == 0, "\(logs.standardError)")
        let lines = try JSONDecoder().decode([String].self, from: Data(logs.standardOutput.utf8))
        let starting = lines.firstIndex { $0.contains("kioskd starting") }, ready = lines.firstIndex { $0.contains("kioskd ready") }
        #expect(starting != nil && ready != nil && starting! < ready!, "\(lines)")
        #expect(try await kioskd.kioskctl(["logs", "--lines", "2"]).standardOutput.split(separator: "\n").count == 2)
        #expect(try await kioskd.kioskctl(["logs", "--lines", "0"]).status == 64)
        for bad in [0, 1001, -5] {
            let answer = try kioskd.client.send(ControlRequest(.logs(lines: bad)))
            #expect(!answer.ok && answer.error?.code == .badRequest, "lines=\(bad)")
        }
        let many = try ControlCoding.decode(ControlResponse.self, from: kioskd.client.sendRaw(Array(#"{"version":2,"command":{"logs":{"lines":"many"}}}"#.utf8) + [10]))
        #expect(!many.ok && many.error?.code == .badRequest)
        #expect(await kioskd.stop() == 0)
    }

    /// Should count the journal's events by kind and export them as JSON lines, refusing a bad time
    @Test func journalStatsAndExport() async throws {
        let kioskd = try await KioskdInstance()
        let since = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
        let stats = try await kioskd.kioskctl(["journal", "stats", "--since", since, "--json"])
        #expect(stats.status == 0, "\(stats.standardError)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(JournalStats.self, from: Data(stats.standardOutput.utf8))
        #expect(decoded.byKind["kiosk.started"] == 1 && decoded.total >= 1, "\(decoded)")
        let export = try await kioskd.kioskctl(["journal", "export", "--since", since])
        let events = try export.standardOutput.split(separator: "\n").map { try decoder.decode(ExportedEvent.self, from: Data($0.utf8)) }
        #expect(events.first?.kind == "kiosk.started" && events.first?.sequence == 1, "\(export.standardOutput)")
        #expect(try await kioskd.kioskctl(["journal", "stats", "--since", "yesterday"]).status == 64)
        for command in [ControlCommand.journalExport(since: Date().addingTimeInterval(-3600), limit: 0), .journalExport(since: nil, limit: 99_999_999)] {
            let answer = try kioskd.client.send(ControlRequest(command))
            #expect(!answer.ok && answer.error?.code == .badRequest, "\(command)")
        }
        let yesterday = try ControlCoding.decode(ControlResponse.self, from: kioskd.client.sendRaw(Array(#"{"version":2,"command":{"journalStats":{"since":"yesterday"}}}"#.utf8) + [10]))
        #expect(!yesterday.ok && yesterday.error?.code == .badRequest)
        #expect(await kioskd.stop() == 0)
    }

    /// Should show the out-of-service screen with a reason and journal it, then serve again;
    /// without a screen, say there is nothing to take out of service
    @Test func maintenanceOnAndOff() async throws {
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:fb?width=1080&height=1920"
            """)
        func screenName() async throws -> String? {
            let result = try await kioskd.kioskctl(["screen", "status", "--json"])
            return result.status == 0 ? try JSONDecoder().decode(ScreenReport.self, from: Data(result.standardOutput.utf8)).screen : nil
        }
        func waitFor(_ name: String) async throws -> Bool {
            for _ in 0..<100 {
                if try await screenName() == name { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        #expect(try await waitFor("attract"))
        #expect(try await kioskd.kioskctl(["maintenance", "on"]).status == 64, "a reason is required")
        let on = try await kioskd.kioskctl(["maintenance", "on", "--reason", "printer jammed, part ordered"])
        #expect(on.status == 0, "\(on.standardError)")
        #expect(try await waitFor("out-of-service"))
        #expect(try await kioskd.kioskctl(["maintenance", "off"]).status == 0)
        #expect(try await waitFor("attract"))
        let bad = try ControlCoding.decode(ControlResponse.self, from: kioskd.client.sendRaw(Array(#"{"version":2,"command":{"maintenance":{"on":"maybe","reason":"x"}}}"#.utf8) + [10]))
        #expect(!bad.ok && bad.error?.code == .badRequest)
        let export = try await kioskd.kioskctl(["journal", "export", "--since", ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))])
        #expect(export.standardOutput.contains("printer jammed, part ordered"), "\(export.standardOutput)")
        #expect(await kioskd.stop() == 0)

        let headless = try await KioskdInstance()
        let refused = try await headless.kioskctl(["maintenance", "on", "--reason", "test"])
        #expect(refused.status == 1 && refused.standardError.contains("no screen"), "\(refused.standardError)")
        #expect(await headless.stop() == 0)
    }

    /// Should refuse a reason holding a full ID number, changing nothing: no record, still in
    /// service, and a later "off" has nothing to journal (it once answered OK, journaled nothing
    /// and left the kiosk out of service behind the attract screen)
    @Test func maintenanceReasonWithIDNumberChangesNothing() async throws {
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:fb?width=1080&height=1920"
            """)
        let since = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
        // 11010519491231002X: a well-known sample number with a valid check character; also in
        // full-width digits, as a Chinese input method types them.
        for reason in ["citizen 11010519491231002X says the reader fails", "证件号１１０１０５１９４９１２３１００２Ｘ"] {
            let on = try await kioskd.kioskctl(["maintenance", "on", "--reason", reason])
            #expect(on.status == 1, "\(on.standardOutput)")
            #expect(on.standardError.contains("full ID number") && on.standardError.contains("Nothing was changed"), "\(on.standardError)")
        }
        // The refusal came before the journey heard of it: the screen is the attract screen as soon as
        // kioskd has drawn its first frame, and stays so.
        var screen: String?
        for _ in 0..<100 {
            let status = try await kioskd.kioskctl(["screen", "status", "--json"])
            screen = status.status == 0 ? try JSONDecoder().decode(ScreenReport.self, from: Data(status.standardOutput.utf8)).screen : nil
            if screen == "attract" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(screen == "attract")
        let off = try await kioskd.kioskctl(["maintenance", "off"])
        #expect(off.status == 0, "\(off.standardError)")
        let export = try await kioskd.kioskctl(["journal", "export", "--since", since])
        #expect(export.status == 0)
        #expect(!export.standardOutput.contains("out_of_service"), "\(export.standardOutput)")
        #expect(!export.standardOutput.contains("11010519491231002X"))
        #expect(await kioskd.stop() == 0)
    }
}
