/// kioskd's configuration, as read from /etc/kioskd/kioskd.toml. The configuration reference in
/// docs/configuration.md documents every key; keep the two in step.
public struct KioskConfiguration: Sendable, Equatable {
    public static let defaultPath = "/etc/kioskd/kioskd.toml"

    /// Where the configuration was read from (absolute).
    public var sourcePath: String
    /// The kiosk's identity at the hall, e.g. "K-0412". Letters, digits, '-' and '_', at most 32.
    public var kioskID: String
    /// Holds the journal and other state that must survive restarts.
    public var stateDirectory: String
    /// The Unix socket kioskctl talks to.
    public var controlSocket: String
    /// Members of this group (and root) may use the control socket.
    public var technicianGroup: String
    /// The hall server this kiosk syncs with.
    public var hallURL: String
    public var logLevel: LogLevel
    /// The devices this kiosk drives, from the `[devices.*]` tables.
    public var devices: DeviceSections
    /// `[sync]`: how to reach the hall; nil disables sync.
    public var sync: SyncSettings? = nil
    /// `[journey]`: the citizen's journey (language, PIN, ticket link, voice).
    public var journey = JourneySettings()

    public enum LogLevel: String, Sendable, CaseIterable {
        case trace, debug, info, notice, warning, error, critical
    }

    public struct DeviceSections: Sendable, Equatable {
        /// `[devices.card_reader]`; nil when the kiosk has no ID card reader.
        public var cardReader: CardReaderConfiguration?
        /// `[devices.printers.NAME]` sections, in file order.
        public var printers: [PrinterConfiguration]
        /// `[devices.display]`; nil for a kiosk run without a screen (a headless test bench).
        public var display: DisplayConfiguration?
        /// `[devices.touchscreen]`.
        public var touchscreen: TouchscreenConfiguration?
        /// `[devices.scanner]`.
        public var scanner: ScannerConfiguration?

        public init(cardReader: CardReaderConfiguration? = nil, printers: [PrinterConfiguration] = [], display: DisplayConfiguration? = nil,
                    touchscreen: TouchscreenConfiguration? = nil, scanner: ScannerConfiguration? = nil) {
            self.cardReader = cardReader
            self.printers = printers
            self.display = display
            self.touchscreen = touchscreen
            self.scanner = scanner
        }
    }

    public static let defaultStateDirectory = "/var/lib/kioskd"
    public static let defaultControlSocket = "/run/kioskd/control.sock"
    public static let defaultTechnicianGroup = "kiosk-tech"

    /// The journal's file inside the state directory.
    public var journalPath: String { stateDirectory + "/journal.sqlite" }
}
