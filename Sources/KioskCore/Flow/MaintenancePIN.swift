import Crypto
import KioskValues

/// The technicians' PIN as the configuration holds it: a salt and SHA-256(salt + PIN) in
/// lowercase hex, never the PIN. Make one with `kioskctl` (or `MaintenancePIN(pin:salt:)`).
public struct MaintenancePIN: Sendable, Equatable {
    public var salt: String
    public var sha256: String

    public init(salt: String, sha256: String) {
        self.salt = salt
        self.sha256 = sha256.lowercased()
    }

    public init(pin: String, salt: String) {
        self.init(salt: salt, sha256: Self.hash(pin, salt: salt))
    }

    public func matches(_ pin: String) -> Bool { Self.hash(pin, salt: salt) == sha256 }

    static func hash(_ pin: String, salt: String) -> String {
        SHA256.hash(data: Array((salt + pin).utf8)).lowercaseHex
    }
}
