import Foundation
import KioskTestSupport
import Testing

/// `kioskctl pin-hash`: the PIN in on standard input, the [journey] lines out; garbage refused.
struct PINHashTests {
    func pinHash(_ input: String) async throws -> (status: Int32, standardOutput: String, standardError: String) {
        let directory = try TemporaryDirectory()
        let quoted = "'" + input.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return try await runToCompletion("/bin/sh", ["-c", "printf %s \(quoted) | '\(BuiltExecutable.path("kioskctl"))' pin-hash"], in: directory.path)
    }

    /// Should print a fresh salt and SHA-256(salt + PIN), never the PIN
    @Test func printsSaltAndHash() async throws {
        let first = try await pinHash("246810\n")
        #expect(first.status == 0, "\(first.standardError)")
        let lines = first.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "\(first.standardOutput)")
        let salt = try #require(lines[0].wholeMatch(of: /maintenance_pin_salt = "([0-9a-f]{32})"/)?.1)
        let hash = try #require(lines[1].wholeMatch(of: /maintenance_pin_sha256 = "([0-9a-f]{64})"/)?.1)
        let expected = try await runToCompletion("/bin/sh", ["-c", "printf %s '\(salt)246810' | sha256sum"], in: "/")
        #expect(expected.standardOutput.hasPrefix(String(hash)))
        #expect(!first.standardOutput.contains("246810"))
        let second = try await pinHash("246810\n")
        #expect(second.standardOutput != first.standardOutput, "the salt must be fresh each time")
    }

    /// Should refuse what the kiosk's keypad cannot type, with exit 64 and no lines printed
    @Test(arguments: ["", "\n", "12345\n", "1234567890123\n", "24681O\n", "２４６８１０\n", "246 810\n"])
    func refusesBadPINs(_ input: String) async throws {
        let result = try await pinHash(input)
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("6 to 12 digits") || result.standardError.contains("No PIN on standard input"), "\(result.standardError)")
    }
}
