import Testing
@testable import KioskConfiguration

/// `kioskctl screen calibrate` writes its matrix into the technician's file without disturbing it.
struct ConfigurationEditorTests {
    let file = "/etc/kioskd/kioskd.toml"
    let matrix = [1.02, -0.001, -0.01, 0.0, 0.98, 0.015]
    let text = """
        kiosk_id = "K-1"
        hall_url = "https://h"
        # The panel in hall B.
        [devices.touchscreen]
        device = "/dev/kiosk/touchscreen"   # the Goodix panel

        [devices.scanner]
        device = "/dev/kiosk/scanner"
        """

    /// Should add the calibration under [devices.touchscreen] and keep every other line as it was
    @Test func addsCalibration() throws {
        let result = try ConfigurationEditor.settingTouchscreenCalibration(matrix, in: text, sourcePath: file)
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[4] == "calibration = [1.02, -0.001, -0.01, 0.0, 0.98, 0.015]")
        #expect(lines.count == text.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        #expect(lines.contains("device = \"/dev/kiosk/touchscreen\"   # the Goodix panel"))
        #expect(try KioskConfiguration.parse(result, sourcePath: file).devices.touchscreen?.calibration == matrix)
        #expect(try KioskConfiguration.parse(result, sourcePath: file).devices.scanner?.device == "/dev/kiosk/scanner")
    }

    /// Should replace an existing calibration line rather than add a second one
    @Test func replacesCalibration() throws {
        let once = try ConfigurationEditor.settingTouchscreenCalibration([1, 0, 0, 0, 1, 0], in: text, sourcePath: file)
        let twice = try ConfigurationEditor.settingTouchscreenCalibration(matrix, in: once, sourcePath: file)
        #expect(twice.split(separator: "\n").filter { $0.hasPrefix("calibration") }.count == 1)
        #expect(try KioskConfiguration.parse(twice, sourcePath: file).devices.touchscreen?.calibration == matrix)
    }

    /// Should refuse a file with no touchscreen table, and a file that does not parse, changing nothing
    @Test func refusesFilesItCannotEdit() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationEditor.settingTouchscreenCalibration(matrix, in: "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\n", sourcePath: file)
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationEditor.settingTouchscreenCalibration(matrix, in: text + "\n= broken", sourcePath: file)
        }
    }
}
