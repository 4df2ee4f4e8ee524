extension Sequence<UInt8> {
    /// Two lowercase hex digits per byte, as hashes, salts and keys are written in configuration
    /// files and journal records: [0x0a, 0xff] -> "0aff".
    public var lowercaseHex: String {
        map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
