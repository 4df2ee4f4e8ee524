import Foundation
import KioskTestSupport
import Testing

/// kioskd speaks sd_notify to whatever socket NOTIFY_SOCKET names, as systemd's is.
struct SystemdNotifyTests {
    /// Should send READY=1 with a STATUS= line, WATCHDOG=1 at half of WATCHDOG_USEC, and STOPPING=1 on SIGTERM
    @Test func readyWatchdogStopping() async throws {
        // The instance waits for READY=1 itself before returning.
        let kioskd = try await KioskdInstance(kioskID: "K-NOTIFY", environment: ["WATCHDOG_USEC": "400000"])
        let pings = try #require(await kioskd.notify.waitFor("WATCHDOG=1", timeout: .seconds(10)), "no WATCHDOG=1 within 10 s")
        let statusLine = pings.last!.split(separator: "\n").first { $0.hasPrefix("STATUS=") }
        #expect(statusLine?.contains("Serving K-NOTIFY; journal 1 events, 1 unsynced; no devices") == true)
        // A second ping proves it is periodic, not a one-off.
        #expect(await kioskd.notify.waitFor("WATCHDOG=1", timeout: .seconds(10)) != nil)

        kioskd.process.signal(SIGTERM)
        #expect(await kioskd.notify.waitFor("STOPPING=1", timeout: .seconds(5)) != nil)
        #expect(await kioskd.process.waitForExit(timeout: .seconds(2)) == 0)
    }

    /// Should keep pinging while the citizen's journey takes events: with a screen, the watchdog
    /// also asks the journey, whose answer comes through the same inbox as the taps
    @Test func watchdogAsksTheJourney() async throws {
        let kioskd = try await KioskdInstance(kioskID: "K-NOTIFY-J", extraConfig: """
            [devices.display]
            device = "file:fb?width=480&height=800"
            """, environment: ["WATCHDOG_USEC": "400000"])
        try #require(await kioskd.notify.waitFor("WATCHDOG=1", timeout: .seconds(10)) != nil, "no WATCHDOG=1 within 10 s")
        #expect(await kioskd.notify.waitFor("WATCHDOG=1", timeout: .seconds(10)) != nil)
        #expect(kioskd.process.standardError.contains("Journey started"), "the journey did not start: \(kioskd.process.standardError)")
        #expect(!kioskd.process.standardError.contains("Liveness check"))
        #expect(await kioskd.stop() == 0)
    }

    /// Should not ping the watchdog when WATCHDOG_PID names another process
    @Test func watchdogForAnotherProcessIsIgnored() async throws {
        let kioskd = try await KioskdInstance(environment: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"])
        #expect(await kioskd.notify.waitFor("WATCHDOG=1", timeout: .seconds(1)) == nil)
        #expect(await kioskd.stop() == 0)
    }
}
