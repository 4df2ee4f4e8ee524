import Crypto
import Foundation

/// A complaint's phone number sealed for the hall (HPKE, RFC 9180: P-256, HKDF-SHA256,
/// AES-256-GCM) so that the kiosk's journal, the sync and the hall's database never hold it in
/// the clear, while the hall's staff can still call back: only the hall's callback key opens it
/// (`kiosk-hall report` on the hall's server). The sealed form is "ENC.CIPHERTEXT" in base64.
public enum CallbackPhone {
    static let info = Data("kioskd complaint callback phone v1".utf8)

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func seal(_ phone: String, to publicKey: P256.KeyAgreement.PublicKey) throws(Failure) -> String {
        do {
            var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: .P256_SHA256_AES_GCM_256, info: info)
            let ciphertext = try sender.seal(Data(phone.utf8))
            return sender.encapsulatedKey.base64EncodedString() + "." + ciphertext.base64EncodedString()
        } catch {
            throw Failure(description: "Unable to seal a phone number: \(error)")
        }
    }

    public static func open(_ sealed: String, with privateKey: P256.KeyAgreement.PrivateKey) throws(Failure) -> String {
        let parts = sealed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let encapsulated = Data(base64Encoded: String(parts[0])), let ciphertext = Data(base64Encoded: String(parts[1])) else {
            throw Failure(description: "not a sealed phone number (expected two base64 parts joined by '.')")
        }
        do {
            var recipient = try HPKE.Recipient(privateKey: privateKey, ciphersuite: .P256_SHA256_AES_GCM_256, info: info, encapsulatedKey: encapsulated)
            let opened = try recipient.open(ciphertext)
            guard let phone = String(data: opened, encoding: .utf8) else { throw Failure(description: "the opened phone number is not text") }
            return phone
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot be opened with this hall's callback key (sealed for another hall, or damaged)")
        }
    }
}
