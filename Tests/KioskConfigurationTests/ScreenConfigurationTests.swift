import Testing
@testable import KioskConfiguration

/// `[devices.display]`, `[devices.touchscreen]` and `[devices.scanner]`: read in full, and every
/// bad value refused with file, line and key.
struct ScreenConfigurationTests {
    let file = "/etc/kioskd/kioskd.toml"
    let head = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\n"

    /// Should read the screen, touch panel and scanner, resolving relative paths against the file
    @Test func readsScreenSections() throws {
        let text = head + """
            [devices.display]
            device = "file:../run/fb?width=1080&height=1920"
            rotation = 90
            panel_width_mm = 237
            panel_height_mm = 421
            backlight = "/sys/class/backlight/intel_backlight"
            dimmed_backlight_percent = 40

            [devices.touchscreen]
            device = "/dev/kiosk/touchscreen"
            calibration = [1, 0.0, 0.0, 0.0, 1.0, 0]

            [devices.scanner]
            device = "scanner.fifo"
            """
        let devices = try KioskConfiguration.parse(text, sourcePath: file).devices
        #expect(devices.display == DisplayConfiguration(device: "file:/etc/run/fb?width=1080&height=1920", rotation: 90, panelSizeMillimetres: (237, 421),
                                                        backlight: "/sys/class/backlight/intel_backlight", dimmedBacklightPercent: 40))
        #expect(devices.touchscreen == TouchscreenConfiguration(device: "/dev/kiosk/touchscreen", calibration: [1, 0, 0, 0, 1, 0]))
        #expect(devices.scanner == ScannerConfiguration(device: "/etc/kioskd/scanner.fifo"))
    }

    /// Should leave the screen out when the file has no display section (a headless bench)
    @Test func screenIsOptional() throws {
        let devices = try KioskConfiguration.parse(head, sourcePath: file).devices
        #expect(devices.display == nil && devices.touchscreen == nil && devices.scanner == nil)
    }

    /// Should refuse bad screen values, naming the line, the dotted key and the problem
    @Test(arguments: [
        ("[devices.display]\nrotation = 90\n", nil, "devices.display.device", "is missing"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\nrotation = 45\n", 5, "devices.display.rotation", "must be 0, 90, 180 or 270"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\nrotation = \"90\"\n", 5, "devices.display.rotation", "expected an integer"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\ndimmed_backlight_percent = 0\n", 5, "devices.display.dimmed_backlight_percent", "must be from 1 to 100"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\ndimmed_backlight_percent = \"half\"\n", 5, "devices.display.dimmed_backlight_percent", "expected an integer"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\nbacklight = \"\"\n", 5, "devices.display.backlight", "must not be empty"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\nbacklight = 1\n", 5, "devices.display.backlight", "expected a string"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\npanel_width_mm = 200\n", 3, "devices.display", "needs both panel_width_mm and panel_height_mm"),
        ("[devices.display]\ndevice = \"/dev/fb0\"\nbrightness = 3\n", 5, "devices.display.brightness", "unknown key"),
        ("[devices.display]\ndevice = \"\"\n", 4, "devices.display.device", "must not be empty"),
        ("[devices.touchscreen]\ndevice = \"/dev/input/event0\"\ncalibration = [1, 0, 0]\n", 5, "devices.touchscreen.calibration", "must hold 6 numbers"),
        ("[devices.touchscreen]\ndevice = \"/dev/input/event0\"\ncalibration = [1, 0, 0, 0, \"1\", 0]\n", 5, "devices.touchscreen.calibration", "found a string in it"),
        ("[devices.touchscreen]\ndevice = \"/dev/input/event0\"\ncalibration = \"identity\"\n", 5, "devices.touchscreen.calibration", "expected an array of numbers"),
        ("[devices.touchscreen]\ndevice = \"/dev/input/event0\"\ncalibration = [1e9, 0, 0, 0, 1, 0]\n", 5, "devices.touchscreen.calibration", "out of range"),
        ("[devices.scanner]\npath = \"/dev/input/event1\"\n", nil, "devices.scanner.device", "is missing"),
        ("[devices]\ndisplay = \"/dev/fb0\"\n", 4, "devices.display", "expected a table"),
    ] as [(String, Int?, String, String)])
    func badValuesAreRefused(section: String, line: Int?, key: String, problem: String) {
        expectRefused(head + section, line: line, key: key, problem: problem)
    }
}
