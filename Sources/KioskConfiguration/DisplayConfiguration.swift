/// `[devices.display]`: the screen.
///
///     [devices.display]
///     device = "/dev/fb0"        # fbdev; or "drm:/dev/dri/card0"; or "file:PATH?width=1080&height=1920" (simulation)
///     rotation = 0               # 0, 90, 180 or 270 degrees clockwise: how the UI is turned on the panel
///     panel_width_mm = 237       # the panel's visible size, when the driver does not report it
///     panel_height_mm = 421
///     backlight = "/sys/class/backlight/intel_backlight"   # default: the first there (fbdev, DRM)
///     dimmed_backlight_percent = 30   # the backlight while the attract screen is dimmed
public struct DisplayConfiguration: Sendable, Equatable {
    /// Where the frames go; parsed by the display driver (`DisplayURI`).
    public var device: String
    /// Degrees clockwise: 0, 90, 180 or 270.
    public var rotation: Int
    /// The panel's visible size in millimetres, for physical text and target sizes (elderly mode);
    /// nil = ask the driver.
    public var panelSizeMillimetres: (width: Int, height: Int)?
    /// The panel's backlight directory (/sys/class/backlight/NAME); nil = the machine's first
    /// backlight for a real display, none for a frame file.
    public var backlight: String?
    /// The backlight's level, in percent of its maximum, while the attract screen is dimmed at
    /// night: the backlight is most of a panel's power, and dimmed pixels alone save none of it.
    public var dimmedBacklightPercent: Int
    public static let defaultDimmedBacklightPercent = 30

    public init(device: String, rotation: Int = 0, panelSizeMillimetres: (width: Int, height: Int)? = nil,
                backlight: String? = nil, dimmedBacklightPercent: Int = defaultDimmedBacklightPercent) {
        self.device = device
        self.rotation = rotation
        self.panelSizeMillimetres = panelSizeMillimetres
        self.backlight = backlight
        self.dimmedBacklightPercent = dimmedBacklightPercent
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.device == b.device && a.rotation == b.rotation
            && a.backlight == b.backlight && a.dimmedBacklightPercent == b.dimmedBacklightPercent
            && a.panelSizeMillimetres?.width == b.panelSizeMillimetres?.width
            && a.panelSizeMillimetres?.height == b.panelSizeMillimetres?.height
    }

    public static let rotations = [0, 90, 180, 270]

    static func parse(_ table: inout TableReader, baseDirectory: String) throws(ConfigurationError) -> Self {
        let device = try table.requiredString("device") { $0.isEmpty ? "must not be empty" : nil }
        let rotation = try table.optionalInt("rotation", range: 0...270) { rotations.contains($0) ? nil : "must be 0, 90, 180 or 270, got \($0)" }
        let width = try table.optionalInt("panel_width_mm", range: 10...5000)
        let height = try table.optionalInt("panel_height_mm", range: 10...5000)
        let backlight = try table.optionalString("backlight", nonEmpty: true)
        let dimmedPercent = try table.optionalInt("dimmed_backlight_percent", range: 1...100)
        try table.rejectUnknownKeys(hint: "a display takes device, rotation, panel_width_mm, panel_height_mm, backlight and dimmed_backlight_percent")
        var size: (width: Int, height: Int)?
        switch (width, height) {
        case let (width?, height?): size = (width, height)
        case (nil, nil): size = nil
        default: throw table.tableProblem("needs both panel_width_mm and panel_height_mm, or neither")
        }
        return DisplayConfiguration(device: DeviceLocation.resolve(device, against: baseDirectory), rotation: rotation ?? 0, panelSizeMillimetres: size,
                                    backlight: backlight.map { FilePaths.resolve($0, against: baseDirectory) },
                                    dimmedBacklightPercent: dimmedPercent ?? defaultDimmedBacklightPercent)
    }
}
