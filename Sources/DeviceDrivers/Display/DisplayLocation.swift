/// Where frames go, parsed from `[devices.display] device`:
///
///     /dev/fb0                    fbdev
///     fbdev:/dev/fb0              fbdev
///     drm:/dev/dri/card0          DRM dumb buffers (also a bare /dev/dri/cardN)
///     file:/run/kiosk/fb?width=1080&height=1920&format=xrgb8888&line_length=4352
///                                 a regular file holding frames, mapped like fbdev memory;
///                                 optional: format (xrgb8888), line_length (width x bytes per
///                                 pixel), virtual_height (height; 2 x height pans like fbdev),
///                                 xoffset, yoffset, width_mm, height_mm
public enum DisplayLocation: Sendable, Equatable {
    case fbdev(path: String)
    case drm(path: String)
    case file(path: String, layout: FramebufferLayout)

    public var path: String {
        switch self {
        case .fbdev(let path), .drm(let path), .file(let path, _): path
        }
    }

    public init(parsing location: String) throws(DeviceError) {
        if location.hasPrefix("fbdev:") {
            self = .fbdev(path: try Self.path(String(location.dropFirst(6)), in: location))
        } else if location.hasPrefix("drm:") {
            self = .drm(path: try Self.path(String(location.dropFirst(4)), in: location))
        } else if location.hasPrefix("file:") {
            self = try Self.parseFile(String(location.dropFirst(5)), location: location)
        } else if location.hasPrefix("/dev/dri/") {
            self = .drm(path: location)
        } else if location.hasPrefix("/") {
            self = .fbdev(path: location)
        } else {
            throw .badDisplayLocation(location, "unknown kind of display")
        }
    }

    private static func path(_ path: String, in location: String) throws(DeviceError) -> String {
        guard path.hasPrefix("/") else { throw .badDisplayLocation(location, "the path must be absolute") }
        return path
    }

    private static func parseFile(_ rest: String, location: String) throws(DeviceError) -> DisplayLocation {
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = try Self.path(String(parts[0]), in: location)
        var values: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                guard keyValue.count == 2 else { throw .badDisplayLocation(location, "'\(pair)' is not key=value") }
                values[String(keyValue[0])] = String(keyValue[1])
            }
        }
        let known: Set = ["width", "height", "format", "line_length", "virtual_height", "xoffset", "yoffset", "width_mm", "height_mm"]
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw .badDisplayLocation(location, "unknown parameter '\(unknown)'")
        }
        func number(_ key: String) throws(DeviceError) -> Int? {
            guard let text = values[key] else { return nil }
            guard let value = Int(text), (0...100_000).contains(value) else { throw .badDisplayLocation(location, "\(key) must be a number from 0 to 100000, got '\(text)'") }
            return value
        }
        guard let width = try number("width"), let height = try number("height"), width > 0, height > 0 else {
            throw .badDisplayLocation(location, "a file display needs width and height")
        }
        var format = PixelFormat.xrgb8888
        if let name = values["format"] {
            guard let parsed = PixelFormat(rawValue: name.lowercased()) else { throw .badDisplayLocation(location, "unknown format '\(name)'") }
            format = parsed
        }
        let virtualHeight = try number("virtual_height")
        var size: (width: Int, height: Int)?
        if let widthMM = try number("width_mm"), let heightMM = try number("height_mm") { size = (widthMM, heightMM) }
        let layout = FramebufferLayout(width: width, height: height, format: format, lineLength: try number("line_length"),
                                       virtualHeight: virtualHeight, xOffset: try number("xoffset") ?? 0, yOffset: try number("yoffset") ?? 0,
                                       panStep: (virtualHeight ?? height) >= 2 * height ? 1 : 0, sizeMillimetres: size)
        try layout.validate(path: location)
        return .file(path: path, layout: layout)
    }
}
