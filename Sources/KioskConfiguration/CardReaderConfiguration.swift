/// `[devices.card_reader]`: the ID card reader.
///
///     [devices.card_reader]
///     device = "/dev/kiosk/idcard"   # a serial reader (or usb = true for 0400:c35a)
///     baud = 115200
///     idle_polling = "slow"           # "slow" (every 2 s) or "off" when no screen waits for a card
public struct CardReaderConfiguration: Sendable, Equatable {
    public enum Connection: Sendable, Equatable {
        case serial(path: String, baud: Int)
        /// The first USB bulk reader 0400:c35a.
        case usb
    }

    public enum IdlePolling: String, Sendable, CaseIterable {
        case slow, off
    }

    public var connection: Connection
    public var idlePolling: IdlePolling

    public init(connection: Connection, idlePolling: IdlePolling = .slow) {
        self.connection = connection
        self.idlePolling = idlePolling
    }

    public static let supportedBauds = [9600, 19200, 38400, 57600, 115200]

    static func parse(_ table: inout TableReader, baseDirectory: String) throws(ConfigurationError) -> Self {
        let device = try table.optionalString("device", nonEmpty: true)
        let usb = try table.optionalBool("usb") ?? false
        let baud = try table.optionalInt("baud", range: 1...4_000_000) { baud in
            supportedBauds.contains(baud) ? nil : "must be one of \(supportedBauds.map(String.init).joined(separator: ", ")), got \(baud)"
        }
        let idle = try table.optionalString("idle_polling") { value in
            IdlePolling(rawValue: value) == nil ? "must be \"slow\" or \"off\", got '\(value)'" : nil
        }
        try table.rejectUnknownKeys(hint: "a card reader takes device, usb, baud and idle_polling")
        let connection: Connection
        switch (device, usb) {
        case (let path?, false):
            connection = .serial(path: FilePaths.resolve(path, against: baseDirectory), baud: baud ?? 115200)
        case (nil, true):
            if baud != nil { throw table.problem("baud", "applies to serial readers only; remove it or use device = \"/dev/...\"") }
            connection = .usb
        case (_?, true):
            throw table.tableProblem("has both device and usb = true; choose one")
        case (nil, false):
            throw table.tableProblem("needs device = \"/dev/ttyUSB0\" (a serial reader) or usb = true (a USB reader 0400:c35a)")
        }
        return CardReaderConfiguration(connection: connection, idlePolling: idle.flatMap(IdlePolling.init(rawValue:)) ?? .slow)
    }
}
