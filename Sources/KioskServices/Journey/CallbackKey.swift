import Crypto
import Foundation
import KioskCore
import KioskValues

/// The hall's callback public key (`[journey] callback_public_key`), which seals a complaint's
/// phone number for the hall alone. Kept as its PEM text (Crypto's keys are not Sendable).
package struct CallbackKey: Sendable {
    let pem: String

    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// Reads and checks the key file. Blocking: call from a thread that may block.
    package static func load(_ path: String) throws(Problem) -> CallbackKey {
        guard let data = FileManager.default.contents(atPath: path), let pem = String(data: data, encoding: .utf8) else {
            throw Problem(description: "Unable to read the hall's callback key '\(path)' (callback_public_key in [journey]). Copy hall-callback.pem from 'kiosk-hall enroll' to the kiosk.")
        }
        guard (try? P256.KeyAgreement.PublicKey(pemRepresentation: pem)) != nil else {
            throw Problem(description: "'\(path)' (callback_public_key in [journey]) is not a P-256 public key in PEM. Copy hall-callback.pem from 'kiosk-hall enroll' again.")
        }
        return CallbackKey(pem: pem)
    }

    /// The phone number sealed for the hall; nil only if sealing failed (logged by the caller).
    func seal(_ phone: String) -> String? {
        guard let key = try? P256.KeyAgreement.PublicKey(pemRepresentation: pem) else { return nil }
        return try? CallbackPhone.seal(phone, to: key)
    }
}
