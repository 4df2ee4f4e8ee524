import ControlProtocol
import Foundation
import KioskTestSupport
import Testing

/// kioskd reading a touch panel (a FIFO of input_event records, read by the same code as
/// /dev/input/eventN) while drawing into a frame file; driven through kioskctl.
struct TouchEndToEndTests {
    /// kioskd with a `width` x `height` panel (raw touch units = panel pixels) and its touch FIFO.
    func startKioskd(width: Int = 480, height: Int = 800, rotation: Int = 0) async throws -> (KioskdInstance, InputEventWriter) {
        let directory = try TemporaryDirectory()
        let panel = try InputEventWriter(fifo: directory.file("touch.fifo"))
        let kioskd = try await KioskdInstance(extraConfig: """
            [devices.display]
            device = "file:fb?width=\(width)&height=\(height)"
            rotation = \(rotation)

            [devices.touchscreen]
            device = "touch.fifo"
            """, directory: directory)
        try await waitForTouchscreen(kioskd)
        return (kioskd, panel)
    }

    func waitForTouchscreen(_ kioskd: KioskdInstance) async throws {
        for _ in 0..<600 {
            let status = try await kioskd.kioskctl(["status"])
            if status.standardOutput.contains("touchscreen: ready") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the touchscreen never became ready")
    }

    /// Runs kioskctl in the background while `touch` plays once the technician screen is up.
    func whileTechnicianScreenShows(_ kioskd: KioskdInstance, _ arguments: [String], touch: () async throws -> Void) async throws -> (status: Int32, standardOutput: String, standardError: String) {
        async let result = kioskd.kioskctl(arguments)
        var shown = false
        for _ in 0..<1200 where !shown {  // up to 60 s: the full suite loads the machine
            shown = kioskd.framePixel(x: 0, y: 0, width: 1) == 0x000000  // black while a technician screen shows
            if !shown { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(shown, "the technician screen never showed")
        try await touch()
        return try await result
    }

    /// Should report a quick tap (press and release in one read) with its panel and screen
    /// position, and draw its mark
    @Test func touchTestReportsTaps() async throws {
        let (kioskd, panel) = try await startKioskd()
        let result = try await whileTechnicianScreenShows(kioskd, ["screen", "touch-test", "--seconds", "20", "--json"]) {
            panel.tap(x: 100, y: 200)
            panel.tap(x: 479, y: 799)
        }
        #expect(result.status == 0, "\(result.standardError)")
        let touches = try JSONDecoder().decode([TouchRecord].self, from: Data(result.standardOutput.utf8))
        #expect(touches.filter { $0.phase == "down" }.map { [$0.x, $0.y] } == [[100, 200], [479, 799]])
        #expect(touches.filter { $0.phase == "up" }.count == 2)
    }

    /// Should map a tap on a landscape panel mounted portrait (rotation 90) onto the UI
    @Test func rotatedTouch() async throws {
        let (kioskd, panel) = try await startKioskd(width: 800, height: 480, rotation: 90)
        let result = try await whileTechnicianScreenShows(kioskd, ["screen", "touch-test", "--seconds", "20", "--json"]) {
            panel.tap(x: 700, y: 100)
        }
        #expect(result.status == 0, "\(result.standardError)")
        let touches = try JSONDecoder().decode([TouchRecord].self, from: Data(result.standardOutput.utf8))
        // The UI's top edge runs along the panel's right edge: panel (700, 100) is UI (100, 799 - 700).
        #expect(touches.first.map { [$0.rawX, $0.rawY, $0.x, $0.y] } == [700, 100, 100, 99])
    }

    /// Should fit a calibration from five targets touched on a skewed panel, write it into the
    /// configuration, and map touches with it at once
    @Test func calibrationIsFittedWrittenAndUsed() async throws {
        let (kioskd, panel) = try await startKioskd()
        // The panel reports x' = 0.9 x + 30, y' = 0.95 y + 10 for a finger at (x, y).
        func skewed(_ x: Int, _ y: Int) -> (Int32, Int32) { (Int32((0.9 * Double(x) + 30).rounded()), Int32((0.95 * Double(y) + 10).rounded())) }
        let targets = [(48, 80), (431, 80), (431, 719), (48, 719), (240, 400)]
        let result = try await whileTechnicianScreenShows(kioskd, ["screen", "calibrate", "--seconds", "20", "--config", kioskd.configPath]) {
            for (x, y) in targets {
                let raw = skewed(x, y)
                panel.tap(x: raw.0, y: raw.1)
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Wrote it to"), "\(result.standardOutput)")
        let configuration = try String(contentsOfFile: kioskd.configPath, encoding: .utf8)
        #expect(configuration.contains("calibration = ["), "\(configuration)")
        // The next touches land where the finger was.
        let check = try await whileTechnicianScreenShows(kioskd, ["screen", "touch-test", "--seconds", "20", "--json"]) {
            let raw = skewed(300, 600)
            panel.tap(x: raw.0, y: raw.1)
        }
        let touches = try JSONDecoder().decode([TouchRecord].self, from: Data(check.standardOutput.utf8))
        let first = try #require(touches.first)
        #expect(abs(first.x - 300) <= 1 && abs(first.y - 600) <= 1, "\(first)")
    }

    /// Should refuse a calibration with too few touches, and write nothing
    @Test func calibrationTimesOutWithoutAllTargets() async throws {
        let (kioskd, panel) = try await startKioskd()
        let before = try String(contentsOfFile: kioskd.configPath, encoding: .utf8)
        let result = try await whileTechnicianScreenShows(kioskd, ["screen", "calibrate", "--seconds", "10", "--config", kioskd.configPath]) {
            panel.tap(x: 48, y: 80)
            panel.tap(x: 431, y: 80)
        }
        #expect(result.status == 1)
        #expect(result.standardError.contains("needs a touch on each of the 5 targets; got 2"), "\(result.standardError)")
        #expect(try String(contentsOfFile: kioskd.configPath, encoding: .utf8) == before)
    }

    /// Should skip records that cannot be input events and still see the tap after them
    @Test func garbageRecordsAreSkipped() async throws {
        let (kioskd, panel) = try await startKioskd()
        let result = try await whileTechnicianScreenShows(kioskd, ["screen", "touch-test", "--seconds", "20", "--json"]) {
            // Two records claiming event types 0xBEEF and 0xFFFF: no kernel sends these.
            panel.write(InputEventWriter.record(type: 0xBEEF, code: 1, value: 2) + InputEventWriter.record(type: 0xFFFF, code: 0, value: -1))
            panel.tap(x: 10, y: 20)
        }
        let touches = try JSONDecoder().decode([TouchRecord].self, from: Data(result.standardOutput.utf8))
        #expect(touches.filter { $0.phase == "down" }.map { [$0.x, $0.y] } == [[10, 20]])
    }
}
