import KioskCore
import Testing
@testable import KioskConfiguration

/// `[journey]`: read in full, defaults when absent, and every bad value refused with file, line
/// and key.
struct JourneyConfigurationTests {
    let file = "/etc/kioskd/kioskd.toml"
    /// Three top-level lines (the printer as an inline table), so a case's line 1 is line 4.
    let head = """
        kiosk_id = "K-1"
        hall_url = "https://h"
        devices = { printers = { ticket = { uri = "tcp:10.0.0.5:9100" } } }

        """

    /// Should read every key, resolving the key file against the configuration's directory
    @Test func readsEveryKey() throws {
        let pin = MaintenancePIN(pin: "482913", salt: "c0ffee")
        let text = head + """
            [journey]
            language = "en"
            printer = "ticket"
            dim_after_seconds = 60
            warning_seconds = 30
            ticket_link_prefix = "https://hall.example.gov.cn/q?"
            voice_prompts = true
            voice_command = "/usr/local/bin/say"
            linking_key_file = "linking.key"
            callback_public_key = "hall-callback.pem"
            maintenance_pin_salt = "c0ffee"
            maintenance_pin_sha256 = "\(pin.sha256.uppercased())"
            pin_attempts = 3
            pin_lockout_seconds = 600
            """
        let journey = try KioskConfiguration.parse(text, sourcePath: file).journey
        #expect(journey.language == .english)
        #expect(journey.printer == "ticket")
        #expect(journey.dimAfterSeconds == 60 && journey.warningSeconds == 30)
        #expect(journey.ticketLinkPrefix == "https://hall.example.gov.cn/q?")
        #expect(journey.voicePrompts && journey.voiceCommand == "/usr/local/bin/say")
        #expect(journey.linkingKeyFile == "/etc/kioskd/linking.key")
        #expect(journey.callbackPublicKeyFile == "/etc/kioskd/hall-callback.pem")
        #expect(journey.pinAttempts == 3 && journey.pinLockoutSeconds == 600)
        let flow = journey.flowConfiguration
        #expect(flow.maintenancePIN.matches("482913"))
        #expect(!flow.maintenancePIN.matches("000000"))
        #expect(flow.defaultLanguage == .english && flow.warningSeconds == 30)
    }

    /// Should give the defaults without a [journey] table, with a PIN that nothing matches
    @Test func defaultsWithoutTable() throws {
        let journey = try KioskConfiguration.parse(head, sourcePath: file).journey
        #expect(journey == JourneySettings())
        #expect(journey.maintenancePIN == nil)
        let flow = journey.flowConfiguration
        #expect(flow.defaultLanguage == .simplifiedChinese && flow.warningSeconds == 20 && !flow.voicePrompts)
        for guess in ["", "0000", "123456", "no PIN configured"] {
            #expect(!flow.maintenancePIN.matches(guess))
        }
    }

    /// Should refuse bad journey values, naming the line, the dotted key and the problem
    @Test(arguments: [
        ("[journey]\nlanguage = \"fr\"\n", 5, "journey.language", "must be \"zh-Hans\" or \"en\""),
        ("[journey]\nprinter = \"receipt\"\n", 5, "journey.printer", "names no printer; the configured ones are: ticket"),
        ("[journey]\nwarning_seconds = 5\n", 5, "journey.warning_seconds", "must be from 20 to 120"),
        ("[journey]\ndim_after_seconds = \"2 min\"\n", 5, "journey.dim_after_seconds", "expected an integer"),
        ("[journey]\nticket_link_prefix = \"hall/q?\"\n", 5, "journey.ticket_link_prefix", "must be an http(s) URL"),
        ("[journey]\nvoice_prompts = \"yes\"\n", 5, "journey.voice_prompts", "expected true or false"),
        ("[journey]\nmaintenance_pin_sha256 = \"1234\"\n", 5, "journey.maintenance_pin_sha256", "must be 64 hex digits"),
        ("[journey]\nmaintenance_pin_salt = \"ab\"\n", 4, "journey", "needs both maintenance_pin_salt and maintenance_pin_sha256"),
        ("[journey]\npin_attempts = 0\n", 5, "journey.pin_attempts", "must be from 1 to 20"),
        ("[journey]\npin = \"1234\"\n", 5, "journey.pin", "unknown key"),
        ("journey = \"on\"\n", 4, "journey", "expected a table"),
    ] as [(String, Int?, String, String)])
    func badValuesAreRefused(section: String, line: Int?, key: String, problem: String) {
        expectRefused(head + section, line: line, key: key, problem: problem)
    }
}
