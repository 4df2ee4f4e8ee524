import ArgumentParser
import ControlProtocol
import Foundation

/// `kioskctl screen …`: the screen and the touch panel, through the running kioskd (which owns
/// both).
struct Screen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the screen and the touch panel: test pattern, touch test, calibration, screenshot.",
        discussion: """
            kioskd owns the screen and the touch panel, so these commands ask it to draw; it goes back to the kiosk's own screen afterwards.

            Examples:
              kioskctl screen status
              kioskctl screen test-pattern --seconds 20
              kioskctl screen touch-test --seconds 30
              kioskctl screen calibrate
              kioskctl screen screenshot /tmp/screen.png
            """,
        subcommands: [ScreenStatusCommand.self, ScreenTestPatternCommand.self, ScreenTouchTestCommand.self, ScreenCalibrateCommand.self, ScreenScreenshotCommand.self],
        defaultSubcommand: ScreenStatusCommand.self)
}

extension ScreenReport {
    var fieldRows: [(String, String)] {
        var rows = [
            ("Display", device),
            ("State", state),
            ("Size", "\(width)x\(height), rotated \(rotation)°"),
            ("Format", "\(pixelFormat), \(buffering)"),
            ("Frames", "\(frames)"),
        ]
        if let lastError { rows.append(("Last error", lastError)) }
        return rows
    }
}

struct ScreenStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the display kioskd draws on.")

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let report = try connection.client().answer(ControlRequest(.screenStatus(screenshot: false)), \.screen, missing: "kioskd sent no screen report")
        print(json ? try jsonText(report) : FieldTable.render(report.fieldRows))
    }
}

struct ScreenTestPatternCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-pattern",
        abstract: "Show colour bars, a grid and a gradient for a while.",
        discussion: "Check: eight bars white, yellow, cyan, green, magenta, red, blue, black from left to right; a square grid reaching every edge; a smooth grey ramp.")

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "How long to show it, 1 to 600 seconds.") var seconds = 15
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
        guard (1...600).contains(seconds) else { throw ValidationError("Please choose between 1 and 600 seconds.") }
    }

    func run() async throws {
        let report = try connection.client().answer(ControlRequest(.screenTestPattern(seconds: seconds)), \.screen, missing: "kioskd sent no screen report")
        print(json ? try jsonText(report) : "Showing the test pattern on \(report.device) (\(report.width)x\(report.height)) for \(seconds) s.")
    }
}

struct ScreenTouchTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touch-test",
        abstract: "Draw every touch on the screen for a while, then list them.",
        discussion: "Touch the corners and the centre: each touch leaves a mark where the kiosk saw it. Marks away from your finger mean the panel needs 'kioskctl screen calibrate'.")

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "How long to test, 1 to 600 seconds.") var seconds = 30
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
        guard (1...600).contains(seconds) else { throw ValidationError("Please choose between 1 and 600 seconds.") }
    }

    func run() async throws {
        // On stderr, so that --json output stays JSON.
        printToStandardError("Touch the screen; the test ends in \(seconds) s.")
        let client = ControlClient(socketPath: connection.socketPath(), timeoutSeconds: seconds + 10)
        let report = try client.answer(ControlRequest(.screenTouchTest(seconds: seconds)), \.screen, missing: "kioskd sent no screen report")
        let touches = report.touches ?? []
        if json {
            print(try jsonText(touches))
            return
        }
        let presses = touches.filter { $0.phase == "down" }
        print("\(presses.count) touches.")
        for touch in touches where touch.phase != "move" {
            print("  \(touch.phase.padding(toLength: 4, withPad: " ", startingAt: 0)) contact \(touch.contact): panel (\(touch.rawX), \(touch.rawY)) -> screen (\(touch.x), \(touch.y))")
        }
    }
}

struct ScreenScreenshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenshot",
        abstract: "Save what the screen shows as a PNG file.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: ArgumentHelp("Where to write the PNG.", valueName: "file.png")) var file: String
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Written: Encodable {
        var file: String
        var width: Int
        var height: Int
        var bytes: Int
    }

    func run() async throws {
        let client = ControlClient(socketPath: connection.socketPath(), timeoutSeconds: 30)
        let report = try client.answer(ControlRequest(.screenStatus(screenshot: true)), \.screen, missing: "kioskd sent no screen report")
        guard let png = report.screenshotPNG else {
            printToStandardError("kioskctl: kioskd sent no picture; is a display configured ([devices.display])?")
            throw ExitCode(1)
        }
        do {
            try png.write(to: URL(fileURLWithPath: file))
        } catch {
            printToStandardError("kioskctl: Unable to write '\(file)': \(error.localizedDescription)")
            throw ExitCode(73)
        }
        print(json ? try jsonText(Written(file: file, width: report.width, height: report.height, bytes: png.count))
                   : "Wrote \(file) (\(report.width)x\(report.height), \(png.count) bytes).")
    }
}
