/// `[devices.touchscreen]`: the touch panel, an evdev device (or a pipe of input_event records in
/// simulation).
///
///     [devices.touchscreen]
///     device = "/dev/kiosk/touchscreen"
///     calibration = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]   # written by `kioskctl screen calibrate`
public struct TouchscreenConfiguration: Sendable, Equatable {
    public var device: String
    /// A libinput-convention affine matrix on coordinates normalised to 0..1, in the panel's frame
    /// (before rotation): x' = a*x + b*y + c, y' = d*x + e*y + f. nil = identity.
    public var calibration: [Double]?

    public init(device: String, calibration: [Double]? = nil) {
        self.device = device
        self.calibration = calibration
    }

    static func parse(_ table: inout TableReader, baseDirectory: String) throws(ConfigurationError) -> Self {
        let device = try table.requiredString("device") { $0.isEmpty ? "must not be empty" : nil }
        let calibration = try table.optionalNumberArray("calibration") { values in
            guard values.count == 6 else { return "must hold 6 numbers (a b c d e f of the libinput matrix), got \(values.count)" }
            guard values.allSatisfy({ $0.isFinite && abs($0) <= 100 }) else { return "holds a number out of range; run 'kioskctl screen calibrate' again" }
            return nil
        }
        try table.rejectUnknownKeys(hint: "a touchscreen takes device and calibration")
        return TouchscreenConfiguration(device: DeviceLocation.resolve(device, against: baseDirectory), calibration: calibration)
    }
}

/// `[devices.scanner]`: a QR/barcode scanner that types like a USB keyboard (evdev).
///
///     [devices.scanner]
///     device = "/dev/kiosk/scanner"
public struct ScannerConfiguration: Sendable, Equatable {
    public var device: String

    public init(device: String) {
        self.device = device
    }

    static func parse(_ table: inout TableReader, baseDirectory: String) throws(ConfigurationError) -> Self {
        let device = try table.requiredString("device") { $0.isEmpty ? "must not be empty" : nil }
        try table.rejectUnknownKeys(hint: "a scanner takes device")
        return ScannerConfiguration(device: DeviceLocation.resolve(device, against: baseDirectory))
    }
}

/// Device strings are paths, optionally behind a scheme ("drm:/dev/dri/card0", "file:../fb?..."):
/// a relative path is taken relative to the configuration file, as every other path is.
enum DeviceLocation {
    static func resolve(_ location: String, against baseDirectory: String) -> String {
        if location.hasPrefix("/") { return location }
        if let colon = location.firstIndex(of: ":"), location[..<colon].allSatisfy({ $0.isLetter }) {
            let scheme = location[...colon]
            let rest = String(location[location.index(after: colon)...])
            guard !rest.isEmpty, !rest.hasPrefix("/") else { return location }
            return scheme + FilePaths.resolve(rest, against: baseDirectory)
        }
        return FilePaths.resolve(location, against: baseDirectory)
    }
}
