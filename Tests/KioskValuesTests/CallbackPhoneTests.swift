import Crypto
import Foundation
import KioskValues
import Testing

/// A complaint's phone number sealed for the hall's callback key.
struct CallbackPhoneTests {
    /// Should open with the hall's key what was sealed to its public half, differently each time
    @Test func sealsForTheHallOnly() throws {
        let hall = P256.KeyAgreement.PrivateKey()
        let first = try CallbackPhone.seal("13812345678", to: hall.publicKey)
        let second = try CallbackPhone.seal("13812345678", to: hall.publicKey)
        #expect(first != second, "sealing must not be deterministic (equal numbers would show)")
        #expect(!first.contains("13812345678") && !first.contains("5678"))
        #expect(try CallbackPhone.open(first, with: hall) == "13812345678")
        let otherHall = P256.KeyAgreement.PrivateKey()
        #expect(throws: CallbackPhone.Failure.self) { try CallbackPhone.open(first, with: otherHall) }
    }

    /// Should refuse garbage and damaged sealed numbers with a clear reason
    @Test(arguments: ["", "abc", "a.b.c", "!!!.???", "QUJD.", "QUJD.QUJD"])
    func refusesGarbage(_ sealed: String) {
        let error = #expect(throws: CallbackPhone.Failure.self) { try CallbackPhone.open(sealed, with: P256.KeyAgreement.PrivateKey()) }
        #expect(error?.description.isEmpty == false)
    }

    /// Should refuse a sealed number whose ciphertext was changed (AES-GCM's tag)
    @Test func refusesTampering() throws {
        let hall = P256.KeyAgreement.PrivateKey()
        let sealed = try CallbackPhone.seal("13812345678", to: hall.publicKey)
        let parts = sealed.split(separator: ".").map(String.init)
        var ciphertext = Data(base64Encoded: parts[1])!
        ciphertext[0] ^= 1
        #expect(throws: CallbackPhone.Failure.self) { try CallbackPhone.open(parts[0] + "." + ciphertext.base64EncodedString(), with: hall) }
    }
}
