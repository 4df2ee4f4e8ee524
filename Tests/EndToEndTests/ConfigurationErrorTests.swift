import Foundation
import KioskTestSupport
import Testing

/// A bad configuration stops kioskd before it touches anything: exit 78 (EX_CONFIG), one clear
/// line naming the file, line and key, and no state directory created.
struct ConfigurationErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String?
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "syntax error", text: "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nstate_directory = \"state\n",
             expected: ["kioskd.toml:3:", "syntax error"]),
        Case(name: "wrong type", text: "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nstate_directory = \"state\"\ncontrol_socket = 17\n",
             expected: ["kioskd.toml:4: key 'control_socket': expected a string, found an integer"]),
        Case(name: "unknown key", text: "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nstate_directory = \"state\"\nhall_ulr = \"x\"\n",
             expected: ["kioskd.toml:4: key 'hall_ulr': unknown key"]),
        Case(name: "missing file", text: nil,
             expected: ["kioskd.toml: cannot read the configuration: No such file or directory"]),
    ]

    @Test(arguments: cases)
    func badConfigurationExits78(_ testCase: Case) async throws {
        let directory = try TemporaryDirectory()
        let config = directory.file("kioskd.toml")
        if let text = testCase.text { try directory.write("kioskd.toml", text) }
        let result = try await runToCompletion(BuiltExecutable.path("kioskd"), ["--config", config], in: directory.path)
        #expect(result.status == 78)
        #expect(result.standardError.hasPrefix("kioskd: \(directory.path)/kioskd.toml"))
        for fragment in testCase.expected {
            #expect(result.standardError.contains(fragment), "stderr: \(result.standardError)")
        }
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.file("state")))
    }
}
