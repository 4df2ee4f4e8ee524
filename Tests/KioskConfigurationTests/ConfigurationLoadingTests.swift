import Foundation
import Testing
@testable import KioskConfiguration

/// The configuration is an input boundary: every bad file must get an error that names the
/// file, the line and the key, and must never be half-applied.
struct ConfigurationLoadingTests {
    let file = "/etc/kioskd/kioskd.toml"

    let valid = """
        # A kiosk in hall B
        kiosk_id = "K-0412"
        hall_url = "https://hall.example.gov.cn:8443"
        state_directory = "/var/lib/kioskd"
        control_socket = "/run/kioskd/control.sock"
        technician_group = "kiosk-tech"
        log_level = "notice"

        [devices]
        """

    /// Should read every key of a complete file
    @Test func readsEveryKey() throws {
        let configuration = try KioskConfiguration.parse(valid, sourcePath: file)
        #expect(configuration.kioskID == "K-0412")
        #expect(configuration.hallURL == "https://hall.example.gov.cn:8443")
        #expect(configuration.stateDirectory == "/var/lib/kioskd")
        #expect(configuration.controlSocket == "/run/kioskd/control.sock")
        #expect(configuration.technicianGroup == "kiosk-tech")
        #expect(configuration.logLevel == .notice)
        #expect(configuration.journalPath == "/var/lib/kioskd/journal.sqlite")
    }

    /// Should fill in the documented defaults for optional keys
    @Test func appliesDefaults() throws {
        let configuration = try KioskConfiguration.parse("kiosk_id = \"K-1\"\nhall_url = \"http://127.0.0.1:8080\"\n", sourcePath: file)
        #expect(configuration.stateDirectory == KioskConfiguration.defaultStateDirectory)
        #expect(configuration.controlSocket == KioskConfiguration.defaultControlSocket)
        #expect(configuration.technicianGroup == KioskConfiguration.defaultTechnicianGroup)
        #expect(configuration.logLevel == .info)
    }

    /// Should resolve relative paths against the configuration file's directory, not the working directory
    @Test func resolvesRelativePathsAgainstTheFile() throws {
        let text = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nstate_directory = \"../.run/state\"\ncontrol_socket = \"./run/control.sock\"\n"
        let configuration = try KioskConfiguration.parse(text, sourcePath: "/opt/kiosk/dev/kioskd.toml")
        #expect(configuration.stateDirectory == "/opt/kiosk/.run/state")
        #expect(configuration.controlSocket == "/opt/kiosk/dev/run/control.sock")
    }

    /// Should report a syntax error with its line and column
    @Test func syntaxErrorNamesTheLine() {
        let text = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nstate_directory = /var/lib\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.line == 3)
        #expect(error?.column != nil)
        #expect(error?.description.hasPrefix("/etc/kioskd/kioskd.toml:3:") == true)
        #expect(error?.description.contains("syntax error") == true)
    }

    /// Should name the key, its line and both types when a value has the wrong type
    @Test func wrongTypeNamesTheKeyAndLine() {
        let text = "hall_url = \"https://h\"\n\nkiosk_id = 412\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error == ConfigurationError(file: file, line: 3, key: "kiosk_id", problem: "expected a string, found an integer"))
        #expect(error?.description == "/etc/kioskd/kioskd.toml:3: key 'kiosk_id': expected a string, found an integer")
    }

    /// Should refuse a misspelt key instead of silently using the default
    @Test func unknownKeyNamesTheKeyAndLine() {
        let text = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nstate_dir = \"/tmp\"\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.line == 3)
        #expect(error?.key == "state_dir")
        #expect(error?.problem.hasPrefix("unknown key") == true)
        #expect(error?.problem.contains("state_directory") == true)
    }

    /// Should refuse keys in [devices], since no device kinds exist yet, naming the dotted key
    @Test func unknownDeviceSectionIsRefused() {
        let text = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\n[devices]\nprinter = \"usb:0519:0001\"\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.key == "devices.printer")
        #expect(error?.line == 4)
    }

    /// Should say which required key is missing and how to add it
    @Test func missingRequiredKey() {
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse("hall_url = \"https://h\"\n", sourcePath: file) }
        #expect(error?.key == "kiosk_id")
        #expect(error?.problem.contains("is missing") == true)
    }

    /// Should refuse kiosk ids that would break URLs and file names at the hall
    @Test(arguments: ["", "K 0412", "K/0412", "柜台1", String(repeating: "K", count: 33)])
    func badKioskID(_ id: String) {
        let text = "kiosk_id = \"\(id)\"\nhall_url = \"https://h\"\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.key == "kiosk_id")
        #expect(error?.line == 1)
    }

    /// Should refuse hall URLs that are not http(s) with a host
    @Test(arguments: ["hall.example", "ftp://hall", "https://", "https://hall:99999", "https://hall/x?y=1", "https://ha ll"])
    func badHallURL(_ url: String) {
        let text = "kiosk_id = \"K-1\"\nhall_url = \"\(url)\"\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.key == "hall_url")
        #expect(error?.line == 2)
    }

    /// Should refuse an unknown log level and list the known ones
    @Test func badLogLevel() {
        let text = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\nlog_level = \"loud\"\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.key == "log_level")
        #expect(error?.problem.contains("warning") == true)
    }

    /// Should refuse a table where a string belongs, naming the key
    @Test func tableInsteadOfString() {
        let text = "kiosk_id = \"K-1\"\n[hall_url]\nhost = \"h\"\n"
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        #expect(error?.key == "hall_url")
        #expect(error?.line == 2)
        #expect(error?.problem == "expected a string, found a table")
    }
}

/// Reading the file itself: missing, unreadable, binary.
struct ConfigurationFileTests {
    /// Should name the missing file and say what to do
    @Test func missingFile() {
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.load(from: "/nonexistent/kioskd.toml") }
        #expect(error?.file == "/nonexistent/kioskd.toml")
        #expect(error?.problem.contains("No such file or directory") == true)
        #expect(error?.problem.contains("--config") == true)
    }

    /// Should refuse a directory given as the configuration
    @Test func directoryInsteadOfFile() {
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.load(from: "/tmp") }
        #expect(error?.problem.contains("not a regular file") == true)
    }

    /// Should refuse binary garbage (NUL bytes, invalid UTF-8) without handing it to the parser
    @Test(arguments: [[0x6B, 0x69, 0x00, 0x3D], [0xFF, 0xFE, 0x80, 0x0A], [0x1F, 0x8B, 0x08, 0x00, 0x00]] as [[UInt8]])
    func binaryGarbage(_ bytes: [UInt8]) throws {
        let path = NSTemporaryDirectory() + "kioskd-garbage-\(UUID().uuidString).toml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.load(from: path) }
        #expect(error?.problem.contains("not a UTF-8 text file") == true)
    }

    /// Should load a real file and resolve its relative paths against its directory
    @Test func loadsARealFile() throws {
        let directory = NSTemporaryDirectory() + "kioskd-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "kiosk_id = \"K-9\"\nhall_url = \"https://h\"\nstate_directory = \"state\"\n".write(toFile: directory + "/k.toml", atomically: true, encoding: .utf8)
        let configuration = try KioskConfiguration.load(from: directory + "/k.toml")
        #expect(configuration.sourcePath == directory + "/k.toml")
        #expect(configuration.stateDirectory == directory + "/state")
    }
}

/// `[devices.card_reader]`.
struct CardReaderConfigurationTests {
    let file = "/etc/kioskd/kioskd.toml"
    let head = "kiosk_id = \"K-1\"\nhall_url = \"https://h\"\n"

    /// Should read a serial reader with its baud, resolving a relative path
    @Test func serialReader() throws {
        let configuration = try KioskConfiguration.parse(head + "[devices.card_reader]\ndevice = \"../dev/idcard\"\nbaud = 9600\nidle_polling = \"off\"\n", sourcePath: "/etc/kioskd/kioskd.toml")
        #expect(configuration.devices.cardReader == CardReaderConfiguration(connection: .serial(path: "/etc/dev/idcard", baud: 9600), idlePolling: .off))
    }

    /// Should read a USB reader, defaulting idle polling to slow
    @Test func usbReader() throws {
        let configuration = try KioskConfiguration.parse(head + "[devices.card_reader]\nusb = true\n", sourcePath: file)
        #expect(configuration.devices.cardReader == CardReaderConfiguration(connection: .usb, idlePolling: .slow))
    }

    /// Should name the key and line of every mistake
    @Test(arguments: [
        ("[devices.card_reader]\ndevice = \"/dev/ttyUSB0\"\nbaud = 12345\n", "devices.card_reader.baud", 5),
        ("[devices.card_reader]\ndevice = \"/dev/ttyUSB0\"\nbaud = \"fast\"\n", "devices.card_reader.baud", 5),
        ("[devices.card_reader]\ndevice = \"/dev/ttyUSB0\"\nusb = true\n", "devices.card_reader", 3),
        ("[devices.card_reader]\nbaud = 9600\n", "devices.card_reader", 3),
        ("[devices.card_reader]\nusb = \"yes\"\n", "devices.card_reader.usb", 4),
        ("[devices.card_reader]\nusb = true\nbaud = 9600\n", "devices.card_reader.baud", 5),
        ("[devices.card_reader]\ndevice = \"/dev/ttyUSB0\"\nspeed = 9600\n", "devices.card_reader.speed", 5),
        ("[devices.card_reader]\ndevice = \"/dev/ttyUSB0\"\nidle_polling = \"sometimes\"\n", "devices.card_reader.idle_polling", 5),
        ("[devices]\ncard_reader = \"/dev/ttyUSB0\"\n", "devices.card_reader", 4),
    ])
    func mistakes(_ section: String, _ key: String, _ line: Int) {
        let error = #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(head + section, sourcePath: file) }
        #expect(error?.key == key, "\(String(describing: error))")
        #expect(error?.line == line, "\(String(describing: error))")
    }
}

extension ConfigurationLoadingTests {
    /// Should refuse, with the line, table headers that made toml++ abort the process (found by
    /// the configuration fuzz target: "[[[" crashed kioskd and kioskctl), and still read headers,
    /// arrays and strings that only look like them
    @Test(arguments: ["[=", "[", "[[[", "[[ [", "[.a]", "[[=", "[[.", "[\u{07EB}", "[é]"])
    func headersThatAbortedTOMLAreRefused(_ header: String) throws {
        let text = valid + "\n# the printer\n" + header + "\n"
        #expect(throws: ConfigurationError.self) { try KioskConfiguration.parse(text, sourcePath: file) }
        do {
            _ = try KioskConfiguration.parse(text, sourcePath: file)
        } catch let error as ConfigurationError {
            #expect(error.line == valid.split(separator: "\n", omittingEmptySubsequences: false).count + 2, "\(error)")
            #expect(error.description.contains("table header"), "\(error)")
        } catch {
            Issue.record("not a ConfigurationError: \(error)")
        }
    }

    @Test func headerLookalikesStillParse() throws {
        let text = valid + """

            [devices.printers."ticket"]
            uri = "tcp:127.0.0.1:9100"
            """
        #expect(try KioskConfiguration.parse(text, sourcePath: file).devices.printers.map(\.name) == ["ticket"])
        #expect(TableHeaderCheck.firstBadHeader(in: "a = [\n  [1, 2],\n  [3, 4],\n]\n") == nil)
        #expect(TableHeaderCheck.firstBadHeader(in: "a = \"\"\"\n[=\n\"\"\"\n") == nil)
        #expect(TableHeaderCheck.firstBadHeader(in: "[ ok ]\n[[list]]\n['quoted']\n") == nil)
        #expect(TableHeaderCheck.firstBadHeader(in: "x = 1\n  [=\n") == 2)
        #expect(TableHeaderCheck.firstBadHeader(in: "\u{FEFF}[\u{FFFD}") == 1, "a header right after a byte-order mark")
    }
}
