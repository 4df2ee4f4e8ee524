import Foundation
import KioskTestSupport
import Testing

/// One key of a udev rule: `KEY{attribute} OP "value"`.
struct UdevKey: Equatable {
    var name: String
    var attribute: String?
    var op: String
    var value: String
}

/// A udev rules file, parsed the way udev reads it (udev(7), "Rules Files"): one rule per line,
/// comma-separated keys, each a known key name, an operator allowed for that key and a quoted value.
/// Line continuations are refused: our rules do not use them.
struct UdevRulesFile {
    struct Rule {
        var line: Int
        var keys: [UdevKey]

        func keys(_ name: String, attribute: String? = nil) -> [UdevKey] {
            keys.filter { $0.name == name && (attribute == nil || $0.attribute == attribute) }
        }
        var isMatchOnly: Bool { keys.allSatisfy { $0.op == "==" || $0.op == "!=" } }
    }

    var rules: [Rule] = []

    static let matchOperators: Set = ["==", "!="]
    static let assignOperators: Set = ["=", "+=", "-=", ":="]
    /// Keys that only match, keys that only assign, and keys that do both (udev(7)).
    static let matchKeys: Set = ["ACTION", "DEVPATH", "KERNEL", "KERNELS", "SUBSYSTEM", "SUBSYSTEMS", "DRIVER", "DRIVERS", "ATTRS", "TAGS", "CONST", "TEST", "PROGRAM", "RESULT"]
    static let assignKeys: Set = ["OWNER", "GROUP", "MODE", "RUN", "LABEL", "GOTO", "IMPORT", "OPTIONS", "SECLABEL"]
    static let bothKeys: Set = ["NAME", "SYMLINK", "ATTR", "ENV", "TAG", "SYSCTL"]
    /// Keys written KEY{attribute}: required for these, optional for RUN, IMPORT and TEST.
    static let attributeKeys: Set = ["ATTR", "ATTRS", "ENV", "SYSCTL", "CONST", "SECLABEL"]
    static let optionalAttributeKeys: Set = ["RUN", "IMPORT", "TEST"]

    init(text: String, name: String) throws {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let location = "\(name):\(index + 1)"
            guard !line.hasSuffix("\\") else { throw UdevRulesError("\(location): a line continuation; write the rule on one line") }
            rules.append(Rule(line: index + 1, keys: try Self.parseKeys(line, location: location)))
        }
    }

    private static func parseKeys(_ line: String, location: String) throws -> [UdevKey] {
        var keys: [UdevKey] = []
        var rest = Substring(line)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            // KEY: capital letters and underscores.
            let name = String(rest.prefix { $0.isUppercase || $0 == "_" })
            guard !name.isEmpty else { throw UdevRulesError("\(location): expected a key at '\(rest)'") }
            rest = rest.dropFirst(name.count)
            var attribute: String?
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else { throw UdevRulesError("\(location): '\(name){' is never closed") }
                attribute = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            }
            rest = rest.drop { $0 == " " }
            let op = ["==", "!=", "+=", "-=", ":=", "="].first { rest.hasPrefix($0) }
            guard let op else { throw UdevRulesError("\(location): '\(name)' is followed by '\(rest.prefix(8))', not an operator (==, !=, =, +=, -=, :=)") }
            rest = rest.dropFirst(op.count).drop { $0 == " " }
            guard rest.first == "\"" else { throw UdevRulesError("\(location): the value of '\(name)' must be in double quotes") }
            rest = rest.dropFirst()
            var value = ""
            var closed = false
            while let character = rest.first {
                rest = rest.dropFirst()
                if character == "\\", let next = rest.first { value.append(next); rest = rest.dropFirst(); continue }
                if character == "\"" { closed = true; break }
                value.append(character)
            }
            guard closed else { throw UdevRulesError("\(location): the value of '\(name)' is not closed by a double quote") }
            let key = UdevKey(name: name, attribute: attribute, op: op, value: value)
            try check(key, location: location)
            keys.append(key)
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { return keys }
            guard rest.first == "," else { throw UdevRulesError("\(location): expected ',' after \(name)\(op)\"\(value)\", found '\(rest.prefix(12))'") }
            rest = rest.dropFirst()
        }
    }

    private static func check(_ key: UdevKey, location: String) throws {
        let name = key.name
        guard matchKeys.contains(name) || assignKeys.contains(name) || bothKeys.contains(name) else {
            throw UdevRulesError("\(location): unknown key '\(name)'")
        }
        if matchKeys.contains(name), !matchOperators.contains(key.op) {
            throw UdevRulesError("\(location): '\(name)' can only be matched (== or !=), not assigned with '\(key.op)'")
        }
        if assignKeys.contains(name), !assignOperators.contains(key.op) {
            throw UdevRulesError("\(location): '\(name)' can only be assigned (=, +=, -=, :=), not matched with '\(key.op)'")
        }
        if attributeKeys.contains(name), key.attribute?.isEmpty ?? true {
            throw UdevRulesError("\(location): '\(name)' needs an attribute, as in \(name){idVendor}")
        }
        if key.attribute != nil, !attributeKeys.contains(name), !optionalAttributeKeys.contains(name) {
            throw UdevRulesError("\(location): '\(name)' takes no {attribute}")
        }
        if name == "MODE", key.value.count != 4 || !key.value.allSatisfy({ ("0"..."7").contains($0) }) {
            throw UdevRulesError("\(location): MODE=\"\(key.value)\" is not a 4-digit octal mode")
        }
    }
}

struct UdevRulesError: Error, CustomStringConvertible, Equatable {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A USB id from the specs: a vendor and product, or a whole vendor (product nil).
struct USBID: Hashable, CustomStringConvertible {
    var vendor: String
    var product: String?
    var description: String { "\(vendor):\(product ?? "*")" }

    /// The ids in a text: "0400:C35A", "154f:*" and "VID 04b8" forms, lower-cased.
    static func all(in text: String) -> Set<USBID> {
        var found: Set<USBID> = []
        let pair = try! NSRegularExpression(pattern: #"\b([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4}\b|\*)"#)
        let vendor = try! NSRegularExpression(pattern: #"\bVID ([0-9A-Fa-f]{4})\b"#)
        let range = NSRange(text.startIndex..., in: text)
        for match in pair.matches(in: text, range: range) {
            let product = String(text[Range(match.range(at: 2), in: text)!]).lowercased()
            found.insert(USBID(vendor: String(text[Range(match.range(at: 1), in: text)!]).lowercased(), product: product == "*" ? nil : product))
        }
        for match in vendor.matches(in: text, range: range) {
            found.insert(USBID(vendor: String(text[Range(match.range(at: 1), in: text)!]).lowercased(), product: nil))
        }
        return found
    }
}

/// What kioskd's rules must do: every rule that gives a device gives it to group kioskd with mode
/// 0660, stable names live under /dev/kiosk/, and every USB id of the specs is covered.
enum UdevRulesPolicy {
    static func problems(in file: UdevRulesFile, covering ids: Set<USBID>) -> [String] {
        var problems: [String] = []
        for rule in file.rules {
            let place = "line \(rule.line)"
            let groups = rule.keys("GROUP"), modes = rule.keys("MODE")
            let runs = rule.keys("RUN").map(\.value)
            if rule.keys("SUBSYSTEM").contains(where: { $0.value == "backlight" }) {
                // sysfs attributes have no device node: the rule must hand the file over itself.
                if !runs.contains(where: { $0.hasPrefix("/bin/chgrp kioskd ") }) || !runs.contains(where: { $0.contains("chmod 0664") }) {
                    problems.append("\(place): the backlight rule must chgrp kioskd and chmod 0664 the brightness file")
                }
            } else if !rule.isMatchOnly {
                if groups.map(\.value) != ["kioskd"] { problems.append("\(place): GROUP must be \"kioskd\", found \(groups.map(\.value))") }
                if modes.map(\.value) != ["0660"] { problems.append("\(place): MODE must be \"0660\", found \(modes.map(\.value))") }
                if rule.keys("OWNER").count > 0 { problems.append("\(place): OWNER is not for kioskd's devices: give them to the group") }
            }
            for link in rule.keys("SYMLINK") where !link.value.hasPrefix("kiosk/") || link.value.contains("..") {
                problems.append("\(place): SYMLINK \"\(link.value)\" must live under /dev/kiosk/ (kiosk/NAME)")
            }
            if !runs.isEmpty, !rule.keys("SUBSYSTEM").contains(where: { $0.value == "backlight" }) {
                problems.append("\(place): RUN is reserved for the backlight rule")
            }
        }
        for id in ids.sorted(by: { $0.description < $1.description }) where !covers(file, id) {
            problems.append("no rule gives \(id) to kioskd")
        }
        if !file.rules.contains(where: { rule in
            rule.keys("ENV", attribute: "ID_INPUT_TOUCHSCREEN").contains { $0.op == "==" && $0.value == "1" }
                && rule.keys("SYMLINK").contains { $0.value == "kiosk/touchscreen" } && rule.keys("TAG").contains { $0.value == "kioskd" }
        }) {
            problems.append("no rule tags the touchscreen (ENV{ID_INPUT_TOUCHSCREEN}==\"1\", TAG+=\"kioskd\", SYMLINK+=\"kiosk/touchscreen\")")
        }
        return problems
    }

    /// Whether a rule with GROUP="kioskd" matches the id: its idVendor pattern matches, and its
    /// idProduct pattern matches the product (or, for a whole vendor, it matches any product).
    static func covers(_ file: UdevRulesFile, _ id: USBID) -> Bool {
        file.rules.contains { rule in
            guard rule.keys("GROUP").contains(where: { $0.value == "kioskd" }) else { return false }
            let matching = rule.keys.filter { ($0.name == "ATTR" || $0.name == "ATTRS") && $0.op == "==" }
            guard let vendor = matching.first(where: { $0.attribute == "idVendor" }), glob(vendor.value, matches: id.vendor) else { return false }
            guard let product = matching.first(where: { $0.attribute == "idProduct" }) else { return true }
            guard let wanted = id.product else { return false }
            return glob(product.value, matches: wanted)
        }
    }

    /// udev's patterns: shell globs, with "|" separating alternatives.
    static func glob(_ pattern: String, matches value: String) -> Bool {
        pattern.split(separator: "|").contains { fnmatch(String($0), value, 0) == 0 }
    }
}

/// udev/70-kioskd.rules, parsed by the test itself (Debian 12's udevadm 252 has no `verify`) and
/// checked with `udevadm verify` where udevadm has it.
struct UdevRulesTests {
    static let rulesPath = "udev/70-kioskd.rules"

    /// The USB ids kioskd's rules must cover: docs/hardware.md's "Supported hardware" section, the protocol
    /// pages (docs/protocols/sam.md and escpos.md), and these from them so that the list can never
    /// shrink to nothing.
    static func requiredIDs() throws -> Set<USBID> {
        var ids: Set<USBID> = [
            USBID(vendor: "0400", product: "c35a"), USBID(vendor: "10c4", product: "0007"),
            USBID(vendor: "6868", product: "0500"), USBID(vendor: "6868", product: "0200"),
            USBID(vendor: "0483", product: "5743"), USBID(vendor: "2d37", product: "cbb4"),
            USBID(vendor: "0dd4", product: "0205"), USBID(vendor: "04b8", product: "0202"),
            USBID(vendor: "04b8", product: nil), USBID(vendor: "154f", product: nil),
        ]
        let hardware = try RepositoryFiles.text("docs/hardware.md")
        let start = try #require(hardware.range(of: "## Supported hardware"), "docs/hardware.md has no Supported hardware section")
        let section = hardware[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let listed = USBID.all(in: String(section[..<end]))
        #expect(!listed.isEmpty, "no USB id in docs/hardware.md's Supported hardware section")
        ids.formUnion(listed)
        for name in ["docs/protocols/sam.md", "docs/protocols/escpos.md"] {
            ids.formUnion(USBID.all(in: try RepositoryFiles.text(name)))
        }
        return ids
    }

    /// Should parse every line of the rules as a valid key/operator/value list
    @Test func rulesParse() throws {
        let file = try UdevRulesFile(text: RepositoryFiles.text(Self.rulesPath), name: Self.rulesPath)
        #expect(file.rules.count >= 10)
    }

    /// Should give every device to group kioskd with mode 0660, name it under kiosk/, cover every USB id of the specs and tag the touchscreen
    @Test func rulesFollowThePolicy() throws {
        let file = try UdevRulesFile(text: RepositoryFiles.text(Self.rulesPath), name: Self.rulesPath)
        let ids = try Self.requiredIDs()
        #expect(ids.count >= 10)
        #expect(UdevRulesPolicy.problems(in: file, covering: ids) == [])
    }

    /// Should find the specs' ids in their own words: "VID:PID 0400:C35A", "Custom 0dd4:0205", "SNBC VID 154f", "154f:*"
    @Test func idsAreReadFromText() {
        let ids = USBID.all(in: "USB bulk, VID:PID 0400:C35A (iDR200); Custom 0dd4:0205; SNBC VID 154f; SNBC 154f:*; at 06:30 or 2026-03-02")
        #expect(ids == [USBID(vendor: "0400", product: "c35a"), USBID(vendor: "0dd4", product: "0205"), USBID(vendor: "154f", product: nil)])
    }

    /// Whether this machine's udevadm has `verify` (systemd 253 and later; Debian 12 has 252, whose
    /// answer is "Unknown command verb 'verify'"). Asked once, synchronously, when the suite is
    /// planned: the condition of `.enabled(if:)` below.
    static let udevadmWithVerify: String? = {
        guard let udevadm = RepositoryFiles.tool("/usr/bin/udevadm", "/bin/udevadm") else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: udevadm)
        probe.arguments = ["verify", "--help"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? udevadm : nil
    }()

    /// Should pass `udevadm verify` (systemd 253 and later; the parser above is the check on Debian 12)
    @Test(.enabled(if: Self.udevadmWithVerify != nil, "this udevadm has no `verify` (systemd 252, Debian 12): rulesParse and rulesFollowThePolicy check the rules instead"))
    func udevadmVerifies() async throws {
        let udevadm = try #require(Self.udevadmWithVerify)
        let directory = try TemporaryDirectory()
        let result = try await runToCompletion(udevadm, ["verify", "--resolve-names=never", RepositoryFiles.path(Self.rulesPath)], in: directory.path)
        #expect(result.status == 0, "udevadm verify: \(result.standardOutput)\(result.standardError)")
    }

    /// Should refuse broken lines with a message naming the line and what is wrong
    @Test(arguments: [
        ("SUBSYSTEM==\"usb\" GROUP=\"kioskd\"", "r:2: expected ',' after SUBSYSTEM==\"usb\", found 'GROUP=\"kiosk'"),
        ("SUBSYSTEMZ==\"usb\", GROUP=\"kioskd\"", "r:2: unknown key 'SUBSYSTEMZ'"),
        ("KERNEL=\"lp*\", GROUP=\"kioskd\"", "r:2: 'KERNEL' can only be matched (== or !=), not assigned with '='"),
        ("SUBSYSTEM==\"usb\", GROUP==\"kioskd\"", "r:2: 'GROUP' can only be assigned (=, +=, -=, :=), not matched with '=='"),
        ("SUBSYSTEM==\"usb\", ATTR==\"0400\"", "r:2: 'ATTR' needs an attribute, as in ATTR{idVendor}"),
        ("SUBSYSTEM==\"usb\", MODE=\"660\"", "r:2: MODE=\"660\" is not a 4-digit octal mode"),
        ("SUBSYSTEM==\"usb\", GROUP=\"kioskd", "r:2: the value of 'GROUP' is not closed by a double quote"),
        ("SUBSYSTEM==usb", "r:2: the value of 'SUBSYSTEM' must be in double quotes"),
        ("SUBSYSTEM~\"usb\"", "r:2: 'SUBSYSTEM' is followed by '~\"usb\"', not an operator (==, !=, =, +=, -=, :=)"),
        ("SUBSYSTEM==\"usb\", \\", "r:2: a line continuation; write the rule on one line"),
        ("\u{FF}\u{1B}[31m garbage", "r:2: expected a key at '\u{FF}\u{1B}[31m garbage'"),
    ])
    func brokenLinesAreRefused(line: String, message: String) {
        #expect(throws: UdevRulesError(message)) { try UdevRulesFile(text: "# fine\n" + line, name: "r").rules }
    }

    /// Should report each breach of the policy: another group, a world-writable mode, a symlink outside kiosk/, an id left out, no touchscreen
    @Test func policyBreachesAreReported() throws {
        let text = """
            SUBSYSTEM=="usb", ATTR{idVendor}=="0400", ATTR{idProduct}=="c35a", GROUP="plugdev", MODE="0666", SYMLINK+="idcard"
            SUBSYSTEM=="usb", ATTR{idVendor}=="6868", ATTR{idProduct}=="0500", GROUP="kioskd", MODE="0660", RUN+="/bin/sh -c true"
            """
        let file = try UdevRulesFile(text: text, name: "bad")
        let problems = UdevRulesPolicy.problems(in: file, covering: [USBID(vendor: "0400", product: "c35a"), USBID(vendor: "6868", product: "0200"), USBID(vendor: "154f", product: nil)])
        #expect(problems == [
            "line 1: GROUP must be \"kioskd\", found [\"plugdev\"]",
            "line 1: MODE must be \"0660\", found [\"0666\"]",
            "line 1: SYMLINK \"idcard\" must live under /dev/kiosk/ (kiosk/NAME)",
            "line 2: RUN is reserved for the backlight rule",
            "no rule gives 0400:c35a to kioskd",
            "no rule gives 154f:* to kioskd",
            "no rule gives 6868:0200 to kioskd",
            "no rule tags the touchscreen (ENV{ID_INPUT_TOUCHSCREEN}==\"1\", TAG+=\"kioskd\", SYMLINK+=\"kiosk/touchscreen\")",
        ])
    }
}
