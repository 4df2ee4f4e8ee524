import Foundation

/// Files of this repository as they are installed on a kiosk (systemd/, udev/, packaging/), read
/// from the checkout the tests were built from.
enum RepositoryFiles {
    /// The checkout's root: <root>/Tests/EndToEndTests/RepositoryFiles.swift, two levels up.
    static let root: String = {
        let tests = ((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        return (tests as NSString).deletingLastPathComponent
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// The first of `candidates` that is an executable file, or nil.
    static func tool(_ candidates: String...) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
