import Foundation

/// A fresh directory under /tmp, removed when the value is released. World-traversable (0755)
/// so that tests can run a client as another user against files inside it.
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init(_ label: String = "kioskd-test") throws {
        var template = Array("/tmp/\(label).XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        path = String(cString: created)
        chmod(path, 0o755)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` inside the directory and returns the full path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }
}
