import ControlProtocol
import Foundation
import Graphics
import Journal
import KioskTestSupport
import Testing

/// kioskd drawing into a file-backed framebuffer (the same mmap path as /dev/fb0), driven
/// through the real kioskctl.
struct ScreenEndToEndTests {
    static let background: UInt32 = 0x0B1A33

    func startKioskd(width: Int = 480, height: Int = 800, rotation: Int = 0, extra: String = "") async throws -> KioskdInstance {
        try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:fb?width=\(width)&height=\(height)"
            rotation = \(rotation)
            \(extra)
            """)
    }

    func screenReport(_ kioskd: KioskdInstance) async throws -> ScreenReport {
        let result = try await kioskd.kioskctl(["screen", "status", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(ScreenReport.self, from: Data(result.standardOutput.utf8))
    }

    /// Waits until `condition` holds, checking every 50 ms, for at most `seconds`.
    func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    /// Should draw the welcome screen into the frame file as soon as kioskd is ready, and report it
    @Test func welcomeScreenIsDrawn() async throws {
        let kioskd = try await startKioskd()
        #expect(try await eventually { kioskd.framePixel(x: 2, y: 2, width: 480) == Self.background })
        let report = try await screenReport(kioskd)
        #expect(report.state == "on")
        #expect((report.width, report.height) == (480, 800))
        #expect(report.frames >= 1)
        let status = try await kioskd.kioskctl(["status"])
        #expect(status.standardOutput.contains("display: ready"), "\(status.standardOutput)")
    }

    /// Should save a screenshot whose pixels are the frame file's, text included
    @Test func screenshotMatchesTheFramebuffer() async throws {
        let kioskd = try await startKioskd()
        _ = try await eventually { kioskd.framePixel(x: 2, y: 2, width: 480) == Self.background }
        let path = kioskd.directory.file("shot.png")
        let result = try await kioskd.kioskctl(["screen", "screenshot", path])
        #expect(result.status == 0, "\(result.standardError)")
        let image = try PNGFile.readRGBA(from: path)
        #expect((image.width, image.height) == (480, 800))
        var textPixels = 0
        for y in stride(from: 0, to: 800, by: 7) {
            for x in stride(from: 0, to: 480, by: 5) {
                let color = image[x, y]
                let rgb = UInt32(color.red) << 16 | UInt32(color.green) << 8 | UInt32(color.blue)
                #expect(rgb == (kioskd.framePixel(x: x, y: y, width: 480)))
                if rgb != Self.background { textPixels += 1 }
            }
        }
        // The welcome texts put ink on the screen; an empty frame would have none.
        #expect(textPixels > 50)
    }

    /// Should show the test pattern's colour bars for the time asked, then the kiosk's screen again
    @Test func testPatternShowsAndEnds() async throws {
        let kioskd = try await startKioskd()
        _ = try await eventually { kioskd.framePixel(x: 2, y: 2, width: 480) == Self.background }
        // Long enough to be read back on a loaded machine, short enough to wait for its end.
        let result = try await kioskd.kioskctl(["screen", "test-pattern", "--seconds", "10"])
        #expect(result.status == 0, "\(result.standardError)")
        // Bars, left to right: white, yellow, cyan, green, magenta, red, blue, black; 60 px each.
        #expect(kioskd.framePixel(x: 30, y: 100, width: 480) == 0xFFFFFF)
        #expect(kioskd.framePixel(x: 90, y: 100, width: 480) == 0xFFFF00)
        #expect(kioskd.framePixel(x: 390, y: 100, width: 480) == 0x0000FF)
        #expect(await eventually(30) { kioskd.framePixel(x: 30, y: 100, width: 480) == Self.background })
    }

    /// Should turn the UI on a landscape panel mounted portrait: UI pixel (x, y) lands on panel
    /// pixel (W - 1 - y, x) for rotation 90
    @Test func rotatedPanel() async throws {
        let kioskd = try await startKioskd(width: 800, height: 480, rotation: 90)
        _ = try await eventually { kioskd.framePixel(x: 2, y: 2, width: 800) == Self.background }
        let report = try await screenReport(kioskd)
        #expect((report.width, report.height, report.rotation) == (480, 800, 90))
        let path = kioskd.directory.file("shot.png")
        #expect(try await kioskd.kioskctl(["screen", "screenshot", path]).status == 0)
        let image = try PNGFile.readRGBA(from: path)
        #expect((image.width, image.height) == (480, 800))
        var compared = 0
        for y in stride(from: 0, to: 800, by: 11) {
            for x in stride(from: 0, to: 480, by: 13) {
                let color = image[x, y]
                let rgb = UInt32(color.red) << 16 | UInt32(color.green) << 8 | UInt32(color.blue)
                #expect(rgb == (kioskd.framePixel(x: 800 - 1 - y, y: x, width: 800)))
                compared += 1
            }
        }
        #expect(compared > 2000)
    }

    /// Should keep running without its display, say why in kioskctl, and draw once the display
    /// can be opened
    @Test func missingDisplayRecovers() async throws {
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:later/fb?width=320&height=480"
            """)
        let status = try await kioskd.kioskctl(["status"])
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.contains("display: not connected"), "\(status.standardOutput)")
        let refused = try await kioskd.kioskctl(["screen", "test-pattern"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("The display is unavailable"), "\(refused.standardError)")
        try FileManager.default.createDirectory(atPath: kioskd.directory.file("later"), withIntermediateDirectories: false)
        let frame = kioskd.directory.file("later/fb")
        // kioskd retries with backoff up to 30 s between tries: on a loaded machine the next try
        // may be that far away.
        #expect(await eventually(45) { (try? Data(contentsOf: URL(fileURLWithPath: frame)).count) == 320 * 480 * 4 })
        var state = ""
        for _ in 0..<100 where state != "on" {
            state = try await screenReport(kioskd).state
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(state == "on")
        // The hall sees one fault with its end, however many times the display was retried.
        #expect(await kioskd.stop() == 0)
        let journal = try Journal(path: kioskd.journalPath, kioskID: "K-TEST")
        let events = try await journal.events(limit: 100)
        #expect(events.map(\.kind) == [.kioskStarted, .deviceFault, .deviceRecovered, .kioskStopped])
        #expect(events[1].payload.contains("\"device\":\"display\""), "\(events[1].payload)")
        try journal.close()
    }

    /// Should refuse bad screen requests with a clear error and leave the screen as it was
    @Test func badRequestsChangeNothing() async throws {
        let kioskd = try await startKioskd()
        _ = try await eventually { kioskd.framePixel(x: 2, y: 2, width: 480) == Self.background }
        let before = try await screenReport(kioskd).frames
        for seconds in [0, 601, -5] {
            let response = try kioskd.client.send(ControlRequest(.screenTestPattern(seconds: seconds)))
            #expect(response.ok == false)
            #expect(response.error?.code == .badRequest, "\(seconds)")
        }
        for seconds in [#""abc""#, #""""#, "1.5"] {
            let line = Array(#"{"version":2,"command":{"screenTestPattern":{"seconds":"#.utf8) + Array(seconds.utf8) + Array("}}}\n".utf8)
            let response = try ControlCoding.decode(ControlResponse.self, from: kioskd.client.sendRaw(line))
            #expect(response.error?.code == .badRequest, "\(seconds)")
        }
        let unknown = try ControlCoding.decode(ControlResponse.self, from: kioskd.client.sendRaw(Array(#"{"version":2,"command":{"screenExplode":{}}}"#.utf8) + [10]))
        #expect(unknown.error?.code == .unknownCommand)
        let cli = try await kioskd.kioskctl(["screen", "test-pattern", "--seconds", "0"])
        #expect(cli.status == 64)
        #expect(cli.standardError.contains("Please choose between 1 and 600 seconds."))
        #expect(try await screenReport(kioskd).frames == before)
        #expect(kioskd.framePixel(x: 2, y: 2, width: 480) == Self.background)
    }

    /// Should say why a screenshot cannot be written, with its own exit status
    @Test func screenshotToAnUnwritablePlace() async throws {
        let kioskd = try await startKioskd()
        let result = try await kioskd.kioskctl(["screen", "screenshot", kioskd.directory.file("no-such-folder/shot.png")])
        #expect(result.status == 73)
        #expect(result.standardError.contains("Unable to write"), "\(result.standardError)")
    }

    /// Should say so when the kiosk has no display
    @Test func noDisplayConfigured() async throws {
        let kioskd = try await KioskdInstance()
        let result = try await kioskd.kioskctl(["screen", "screenshot", kioskd.directory.file("x.png")])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no display configured"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: kioskd.directory.file("x.png")))
    }
}
