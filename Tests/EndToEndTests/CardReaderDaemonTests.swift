import ControlProtocol
import Foundation
import Journal
import KioskTestSupport
import Testing

/// kioskd with a simulated serial card reader (kiosk-sim on a pty), as on a kiosk.
struct CardReaderDaemonTests {
    func cardStatus(_ kioskd: KioskdInstance) throws -> CardReaderStatus {
        let response = try kioskd.client.send(.cardStatus)
        return try #require(response.cardReader, "\(String(describing: response.error))")
    }

    /// Waits (bounded) until the reader's status satisfies `condition`.
    func waitForStatus(_ kioskd: KioskdInstance, timeout: Duration = .seconds(20), _ condition: (CardReaderStatus) -> Bool) async throws -> CardReaderStatus {
        let deadline = ContinuousClock.now + timeout
        var status = try cardStatus(kioskd)
        while !condition(status), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            status = try cardStatus(kioskd)
        }
        return status
    }

    /// Should read a placed card once, journal an unplugged reader's fault and its recovery, and show all of it in kioskctl
    @Test(.timeLimit(.minutes(2)))
    func readerLifecycleThroughTheDaemon() async throws {
        let sim = try await KioskSimIDCard()
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.card_reader]
            device = "\(sim.linkPath)"
            baud = 115200
            """)

        var status = try await waitForStatus(kioskd) { $0.state == "ready" }
        #expect(status.state == "ready")
        #expect(status.device == sim.linkPath)
        #expect(status.samID == "05.01-20100101-0012345678-1234567890")
        #expect(status.polling == "slow")

        let table = try await kioskd.kioskctl(["status"])
        #expect(table.standardOutput.contains("card reader: ready (\(sim.linkPath))"))

        try sim.send("place rare-name")
        status = try await waitForStatus(kioskd) { $0.cardsRead >= 1 }
        #expect(status.cardsRead == 1)
        #expect(status.state == "card_present")
        // Two more slow polls: the card lying there is not read again.
        try await Task.sleep(for: .seconds(4))
        #expect(try cardStatus(kioskd).cardsRead == 1)

        try sim.send("unplug")
        status = try await waitForStatus(kioskd) { $0.state == "faulted" }
        #expect(status.state == "faulted")
        #expect(status.lastError?.contains(sim.linkPath) == true)
        let human = try await kioskd.kioskctl(["card", "status"])
        #expect(human.standardOutput.contains("State: faulted"))

        try sim.send("plug")
        status = try await waitForStatus(kioskd) { $0.state == "ready" }
        #expect(status.state == "ready")
        #expect(status.faults == 1)

        #expect(await kioskd.stop() == 0)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-TEST")
        let kinds = try await journal.events(limit: 100).map(\.kind)
        #expect(kinds == [.kioskStarted, .deviceFault, .deviceRecovered, .kioskStopped])
        let payloads = try await journal.events(limit: 100).map(\.payload).joined()
        // Nothing of the card reached the journal.
        #expect(!payloads.contains("䶮"))
        #expect(!payloads.contains("530622198511110035"))
        try journal.close()
        // Nor the log.
        #expect(!kioskd.process.standardError.contains("䶮"))
        #expect(!kioskd.process.standardError.contains("530622198511110035"))
        #expect(kioskd.process.standardError.contains("Card read card.type=resident_id"))
    }

    /// Should say plainly that no card reader is configured
    @Test func cardStatusWithoutReader() async throws {
        let kioskd = try await KioskdInstance()
        let result = try await kioskd.kioskctl(["card", "status"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("This kiosk has no card reader configured"))
        #expect(await kioskd.stop() == 0)
    }

    /// Should start with an absent reader, report it faulted, and pick it up when it appears
    @Test(.timeLimit(.minutes(1)))
    func readerAppearsLater() async throws {
        let directory = try TemporaryDirectory("kiosk-sim")
        let link = directory.file("idcard")
        let kioskd = try await KioskdInstance(extraConfig: "[devices.card_reader]\ndevice = \"\(link)\"\n")
        var status = try await waitForStatus(kioskd) { $0.state == "faulted" }
        #expect(status.lastError?.contains("Nothing at '\(link)'") == true)
        let sim = try await KioskSimIDCard(directory: directory)
        status = try await waitForStatus(kioskd) { $0.state == "ready" }
        #expect(status.state == "ready")
        _ = sim
        #expect(await kioskd.stop() == 0)
    }
}

/// `kioskctl card read` straight from a reader, no daemon.
struct CardReadCommandTests {
    /// Should print only masked personal data, with the checks and the SAM ID
    @Test func readsAndMasks() async throws {
        let sim = try await KioskSimIDCard(card: "expired")
        let result = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["card", "read", "--device", sim.linkPath, "--json"], in: sim.directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(json?["maskedName"] as? String == "王*")
        #expect(json?["maskedIDNumber"] as? String == "530622********0041")
        #expect(json?["expired"] as? Bool == true)
        #expect(json?["idNumberValid"] as? Bool == true)
        #expect(json?["nation"] as? String == "汉族")
        #expect(json?["samID"] as? String == "05.01-20100101-0012345678-1234567890")
        #expect(!result.standardOutput.contains("王芳"))
        #expect(!result.standardOutput.contains("530622197007070041"))

        try sim.send("lift")
        try sim.send("place bad-number")
        let table = try await runToCompletion(BuiltExecutable.path("kioskctl"), ["card", "read", "--device", sim.linkPath], in: sim.directory.path)
        #expect(table.standardOutput.contains("ID number: 530622********0051 (DOES NOT CHECK OUT: check character is wrong (MOD 11-2))"))
    }

    /// Should exit 75 when no card comes, 65 when the card cannot be read, 69 with no reader, 64 for bad options
    @Test func failures() async throws {
        let sim = try await KioskSimIDCard()
        let kioskctl = BuiltExecutable.path("kioskctl")
        let noCard = try await runToCompletion(kioskctl, ["card", "read", "--device", sim.linkPath, "--wait", "1"], in: sim.directory.path)
        #expect(noCard.status == 75)
        #expect(noCard.standardError.contains("no card was placed"))

        try sim.send("status 41")
        try sim.send("place resident")
        let failed = try await runToCompletion(kioskctl, ["card", "read", "--device", sim.linkPath, "--wait", "2"], in: sim.directory.path)
        #expect(failed.status == 65)
        #expect(failed.standardError.contains("SW3 41 (read failed)"))

        let missing = try await runToCompletion(kioskctl, ["card", "read", "--device", "/dev/kioskd-none"], in: sim.directory.path)
        #expect(missing.status == 69)
        #expect(missing.standardError.contains("Nothing at '/dev/kioskd-none'"))

        for arguments in [["--device", sim.linkPath, "--baud", "1234"], ["--device", sim.linkPath, "--usb"], [], ["--device", sim.linkPath, "--wait", "0"]] {
            let usage = try await runToCompletion(kioskctl, ["card", "read"] + arguments, in: sim.directory.path)
            #expect(usage.status == 64, "\(arguments)")
        }
    }
}
