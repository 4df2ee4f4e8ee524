import KioskCore

/// kioskd.toml's `[journey]` table: how the citizen's journey behaves on this kiosk. Every key is
/// optional; an absent table gives the defaults below (and no maintenance PIN: the technicians'
/// screen cannot be opened from the touchscreen until one is set with `kioskctl pin-hash`).
///
///     [journey]
///     language = "zh-Hans"            # or "en": the language each session starts in
///     printer = "receipt"             # the [devices.printers.NAME] tickets and forms print on
///     dim_after_seconds = 120         # the attract screen dims after this long untouched
///     warning_seconds = 20            # the idle countdown's length, at least 20
///     ticket_link_prefix = "https://hall.example.gov.cn/q?"
///     voice_prompts = false           # speak each step (espeak-ng, Mandarin or English)
///     voice_command = "espeak-ng"
///     linking_key_file = "/etc/kioskd/linking.key"
///     callback_public_key = "/etc/kioskd/hall-callback.pem"   # from `kiosk-hall enroll`
///     maintenance_pin_salt = "3f9a…"  # from `kioskctl pin-hash`
///     maintenance_pin_sha256 = "…"
///     pin_attempts = 5
///     pin_lockout_seconds = 900
public struct JourneySettings: Sendable, Equatable {
    public var language: Language = .simplifiedChinese
    /// The printer's name under `[devices.printers]`; nil = the first printer configured.
    public var printer: String?
    public var dimAfterSeconds = 120
    public var warningSeconds = 20
    public var ticketLinkPrefix = "https://hall.invalid/q?"
    public var voicePrompts = false
    /// The text-to-speech program; kioskd runs it as `COMMAND -v cmn|en TEXT`.
    public var voiceCommand = "espeak-ng"
    /// A file holding the county's key (hex, at least 32 bytes) for the keyed hash that links
    /// one person's tickets without storing the ID number. nil = a key of this kiosk's own,
    /// generated once in the state directory (the limit then holds per kiosk only).
    public var linkingKeyFile: String?
    /// The hall's callback public key (PEM, P-256) from `kiosk-hall enroll`: a complaint's phone
    /// number is sealed with it, so only the hall can read it. nil = the number is not sent (the
    /// hall gets the masked form only and cannot call back).
    public var callbackPublicKeyFile: String?
    public var maintenancePIN: MaintenancePIN?
    public var pinAttempts = 5
    public var pinLockoutSeconds = 900

    public init() {}

    /// The Flow's settings. Without a configured PIN the technicians' PIN can never match.
    public var flowConfiguration: FlowConfiguration {
        FlowConfiguration(defaultLanguage: language, voicePrompts: voicePrompts, dimAfterSeconds: dimAfterSeconds, warningSeconds: warningSeconds,
                          maintenancePIN: maintenancePIN ?? MaintenancePIN(salt: "", sha256: "no PIN configured"),
                          pinAttempts: pinAttempts, pinLockoutSeconds: pinLockoutSeconds, ticketLinkPrefix: ticketLinkPrefix)
    }
}

extension JourneySettings {
    /// Reads `[journey]` from the root table; the defaults when it is absent.
    static func read(from root: inout TableReader, baseDirectory: String, printerNames: [String]) throws(ConfigurationError) -> JourneySettings {
        var settings = JourneySettings()
        guard var reader = try root.optionalTable("journey") else { return settings }
        if let language = try reader.optionalString("language", check: { value in
            Language(rawValue: value) == nil ? "must be \"zh-Hans\" or \"en\", got '\(value)'" : nil
        }) {
            settings.language = Language(rawValue: language)!
        }
        settings.printer = try reader.optionalString("printer") { value in
            printerNames.contains(value) ? nil
                : "names no printer; the configured ones are: \(printerNames.isEmpty ? "none (add a [devices.printers.NAME] table)" : printerNames.joined(separator: ", "))"
        }
        settings.dimAfterSeconds = try reader.optionalInt("dim_after_seconds", range: 10...86_400) ?? settings.dimAfterSeconds
        settings.warningSeconds = try reader.optionalInt("warning_seconds", range: 20...120) ?? settings.warningSeconds
        settings.ticketLinkPrefix = try reader.optionalString("ticket_link_prefix") { value in
            (value.hasPrefix("https://") || value.hasPrefix("http://")) && value.count <= 200 && !value.contains(" ")
                ? nil : "must be an http(s) URL of at most 200 characters without spaces (the ticket's QR code starts with it), got '\(value)'"
        } ?? settings.ticketLinkPrefix
        settings.voicePrompts = try reader.optionalBool("voice_prompts") ?? settings.voicePrompts
        settings.voiceCommand = try reader.optionalString("voice_command", nonEmpty: true) ?? settings.voiceCommand
        settings.linkingKeyFile = try reader.optionalString("linking_key_file", nonEmpty: true).map { FilePaths.resolve($0, against: baseDirectory) }
        settings.callbackPublicKeyFile = try reader.optionalString("callback_public_key", nonEmpty: true).map { FilePaths.resolve($0, against: baseDirectory) }
        let salt = try reader.optionalString("maintenance_pin_salt", nonEmpty: true)
        let hash = try reader.optionalString("maintenance_pin_sha256") { value in
            value.count == 64 && value.allSatisfy(\.isHexDigit) ? nil : "must be 64 hex digits (make it with 'kioskctl pin-hash'), got '\(value)'"
        }
        switch (salt, hash) {
        case let (salt?, hash?): settings.maintenancePIN = MaintenancePIN(salt: salt, sha256: hash)
        case (nil, nil): break
        default: throw reader.tableProblem("needs both maintenance_pin_salt and maintenance_pin_sha256 (from 'kioskctl pin-hash'), or neither")
        }
        settings.pinAttempts = try reader.optionalInt("pin_attempts", range: 1...20) ?? settings.pinAttempts
        settings.pinLockoutSeconds = try reader.optionalInt("pin_lockout_seconds", range: 10...86_400) ?? settings.pinLockoutSeconds
        try reader.rejectUnknownKeys(hint: "see docs/configuration.md, [journey]")
        return settings
    }
}
