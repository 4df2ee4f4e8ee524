import Foundation

/// Paths to the package's own executables, built by `swift build` beside the test binary.
public enum BuiltExecutable {
    public static func path(_ name: String, filePath: String = #filePath) -> String {
        if let directory = ProcessInfo.processInfo.environment["KIOSKD_BUILD_DIR"] {
            return directory + "/" + name
        }
        // The test runner lives in the build directory (.build/debug/kioskdPackageTests.xctest).
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidate = (runner as NSString).deletingLastPathComponent + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        // Otherwise: <root>/Tests/KioskTestSupport/BuiltExecutable.swift -> <root>/.build/debug.
        let root = ((filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        return (root as NSString).deletingLastPathComponent + "/.build/debug/" + name
    }
}
