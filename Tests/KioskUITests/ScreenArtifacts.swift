import Foundation
import Graphics

/// Where rendered screens are kept for people to look at: $KIOSKUI_SCREENS_DIR, or the package's
/// `.build/screens/` (found from this file's path).
enum ScreenArtifacts {
    static var directory: String {
        if let named = ProcessInfo.processInfo.environment["KIOSKUI_SCREENS_DIR"], !named.isEmpty { return named }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/screens").path
    }

    /// Renders `list` and writes it as `<name>.png`; returns the frame for pixel checks.
    @discardableResult
    static func render(_ list: DrawList, width: Int, height: Int, name: String) throws -> PixelBuffer {
        let frame = PixelBuffer(width: width, height: height)
        _ = ScreenRenderer().render(list, into: frame)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try PNGFile.write(frame, to: directory + "/\(name).png")
        return frame
    }
}
