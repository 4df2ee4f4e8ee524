import Crypto
import Foundation
import KioskCore
import KioskValues

/// The key of the keyed hash (HMAC-SHA256) that links one person's tickets without storing
/// their ID number (DESIGN, privacy). The county's key, from `[journey] linking_key_file`, links
/// them across every kiosk; without one, kioskd makes a key of its own once and keeps it in the
/// state directory, so the one-ticket limit still holds across restarts of this kiosk.
/// Blocking file I/O: call from a thread that may block.
package struct LinkingKey: Sendable {
    /// The key's bytes (Crypto's `SymmetricKey` is not Sendable; one is made for each use).
    let bytes: [UInt8]

    var symmetricKey: SymmetricKey { SymmetricKey(data: bytes) }

    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// The key, and whether it is this kiosk's own.
    package static func load(configuredFile: String?, stateDirectory: String) throws(Problem) -> (key: LinkingKey, generated: Bool) {
        if let configuredFile {
            return (try read(configuredFile, fix: "Write the county's key there as hex (at least 64 hex digits), readable by kioskd's user."), false)
        }
        let ownPath = stateDirectory + "/linking.key"
        if FileManager.default.fileExists(atPath: ownPath) {
            return (try read(ownPath, fix: "Delete it to have kioskd make a new one (today's ticket limits start over)."), true)
        }
        let key = LinkingKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        let hex = key.bytes.lowercaseHex
        guard FileManager.default.createFile(atPath: ownPath, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "Unable to write the linking key '\(ownPath)'. Check that the state directory is writable by kioskd's user.")
        }
        return (key, true)
    }

    private static func read(_ path: String, fix: String) throws(Problem) -> LinkingKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "Unable to read the linking key '\(path)'. \(fix)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 64, text.count % 2 == 0, text.allSatisfy(\.isHexDigit) else {
            throw Problem(description: "The linking key '\(path)' is not at least 64 hex digits. \(fix)")
        }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return LinkingKey(bytes: bytes)
    }
}
