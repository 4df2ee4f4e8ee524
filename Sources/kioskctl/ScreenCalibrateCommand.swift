import ArgumentParser
import ControlProtocol
import Foundation
import KioskConfiguration

struct ScreenCalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Calibrate the touch panel: touch five targets, and the result goes into the configuration.",
        discussion: """
            kioskd shows five targets one after another (four corners, then the centre); touch the middle of each. The fitted matrix is used at once and written as `calibration = [...]` under [devices.touchscreen] in the configuration file (the rest of the file is kept as it is), so it survives a restart.

            Exit status: 0 calibrated, 1 not (too few touches, or touches that do not fit together).
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "How long to wait for all five touches, 10 to 300 seconds.") var seconds = 60
    @Flag(help: "Do not write the configuration file; only show the matrix.") var dryRun = false
    @Flag(help: "Print the result as JSON (the screen report with the matrix), for scripts.") var json = false

    func validate() throws {
        guard (10...300).contains(seconds) else { throw ValidationError("Please choose between 10 and 300 seconds.") }
    }

    func run() async throws {
        printToStandardError("Touch the centre of each of the five targets on the screen.")
        let client = ControlClient(socketPath: connection.socketPath(), timeoutSeconds: seconds + 10)
        let report = try client.answer(ControlRequest(.screenCalibrate(seconds: seconds)), \.screen, missing: "kioskd sent no screen report")
        guard let matrix = report.calibration, matrix.count == 6 else {
            printToStandardError("kioskctl: kioskd sent no calibration matrix.")
            throw ExitCode(1)
        }
        let line = ConfigurationEditor.calibrationValue(matrix)
        if json {
            print(try jsonText(report))
        } else {
            print("Calibration: \(line)")
            if let error = report.calibrationErrorPixels { print("Mean error at the targets: \(String(format: "%.1f", error)) px") }
        }
        guard !dryRun else { return }
        do {
            let path = connection.config
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let updated = try ConfigurationEditor.settingTouchscreenCalibration(matrix, in: text, sourcePath: path)
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
            if !json { print("Wrote it to \(path) under [devices.touchscreen].") }
        } catch {
            printToStandardError("kioskctl: The calibration is in use but was not saved: \(error). Add `calibration = \(line)` under [devices.touchscreen] by hand.")
            throw ExitCode(1)
        }
    }
}
