import ArgumentParser
import Foundation
import KioskCore
import KioskValues

/// `kioskctl pin-hash`: makes the `[journey]` lines for a technicians' PIN, so the PIN itself is
/// never written into the configuration.
struct PINHash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin-hash",
        abstract: "Make the maintenance PIN lines for [journey] in kioskd.toml.",
        discussion: """
            Reads the PIN (6 to 12 digits) from standard input, so that it stays out of the shell's history,
            and prints maintenance_pin_salt and maintenance_pin_sha256 with a fresh random salt. Paste them
            under [journey] and restart kioskd. On the kiosk, five wrong PINs lock entry for pin_lockout_seconds.

            Example:
              read -rs PIN && echo "$PIN" | kioskctl pin-hash >> /etc/kioskd/kioskd.toml
            """)

    @Flag(name: .long, help: "Print the two values as JSON instead of TOML lines.")
    var json = false

    func run() throws {
        guard let line = readLine(strippingNewline: true) else {
            throw ValidationError("No PIN on standard input. Pipe it in: echo \"$PIN\" | kioskctl pin-hash")
        }
        let pin = line.trimmingCharacters(in: .whitespaces)
        guard (6...12).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError("The PIN must be 6 to 12 digits (the kiosk's keypad has only digits); got \(pin.count) characters.")
        }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.lowercaseHex
        let hash = MaintenancePIN(pin: pin, salt: salt).sha256
        if json {
            print(try jsonText(["maintenance_pin_salt": salt, "maintenance_pin_sha256": hash]))
        } else {
            print("maintenance_pin_salt = \"\(salt)\"")
            print("maintenance_pin_sha256 = \"\(hash)\"")
        }
    }
}
