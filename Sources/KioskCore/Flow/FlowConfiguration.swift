/// The Flow's settings, from kioskd.toml.
public struct FlowConfiguration: Sendable, Equatable {
    public var defaultLanguage: Language
    /// Emit `.speak` effects.
    public var voicePrompts: Bool
    /// The attract screen dims after this long without a touch.
    public var dimAfterSeconds: Int
    /// The idle countdown shows this long before a session ends; at least 20.
    public var warningSeconds: Int
    public var maintenancePIN: MaintenancePIN
    /// Failures before PIN entry is locked, and for how long.
    public var pinAttempts: Int
    public var pinLockoutSeconds: Int
    /// The ticket QR code's text starts with this; the date and number follow.
    public var ticketLinkPrefix: String

    public init(defaultLanguage: Language = .simplifiedChinese, voicePrompts: Bool = false, dimAfterSeconds: Int = 120,
                warningSeconds: Int = 20, maintenancePIN: MaintenancePIN, pinAttempts: Int = 5, pinLockoutSeconds: Int = 900,
                ticketLinkPrefix: String = "https://hall.invalid/q?") {
        precondition(warningSeconds >= 20, "the idle warning must show for at least 20 s")
        self.defaultLanguage = defaultLanguage
        self.voicePrompts = voicePrompts
        self.dimAfterSeconds = dimAfterSeconds
        self.warningSeconds = warningSeconds
        self.maintenancePIN = maintenancePIN
        self.pinAttempts = pinAttempts
        self.pinLockoutSeconds = pinLockoutSeconds
        self.ticketLinkPrefix = ticketLinkPrefix
    }
}
