import Crypto
import KioskValues
import Testing

struct HexTests {
    /// Should write two lowercase digits per byte, keeping leading zeros
    @Test func leadingZerosKept() {
        #expect([UInt8]().lowercaseHex == "")
        #expect([0x00, 0x0a, 0x7f, 0xff].lowercaseHex == "000a7fff")
    }

    /// Should spell a SHA-256 digest as sha256sum does (FIPS 180-2's "abc" vector)
    @Test func digestAsSha256sum() {
        #expect(SHA256.hash(data: Array("abc".utf8)).lowercaseHex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
