#if canImport(Glibc)
import Glibc
#endif

/// A panel backlight under /sys/class/backlight: the blanking fallback for drivers without
/// FBIOBLANK (efifb, simplefb) and for DRM, and what kioskd dims at night. Calls touch sysfs:
/// run them off the concurrency pool.
public struct Backlight: Sendable, Equatable {
    /// /sys/class/backlight/NAME
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The first backlight of the machine, if it has one.
    public static func first(under root: String = "/sys/class/backlight") -> Backlight? {
        guard let stream = opendir(root) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().first.map { Backlight(directory: root + "/" + $0) }
    }

    public func brightness() -> Int? { Self.readNumber(directory + "/brightness") }
    public func maximumBrightness() -> Int? { Self.readNumber(directory + "/max_brightness") }

    @discardableResult
    public func setBrightness(_ value: Int) -> Bool {
        // O_TRUNC: sysfs ignores it, and a plain file standing in for sysfs needs it.
        let descriptor = open(directory + "/brightness", O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let text = Array("\(value)\n".utf8)
        return write(descriptor, text, text.count) == text.count
    }

    private static func readNumber(_ path: String) -> Int? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: " \n"))
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
