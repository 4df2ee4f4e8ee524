/// The SAM module's identity from `12 FF`: 16 bytes (u16 LE, u16 LE, u32 LE, u32 LE, u32 LE),
/// shown as "05.01-20100101-0012345678-1234567890".
public struct SAMIdentifier: Sendable, Equatable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init?(payload: [UInt8]) {
        guard payload.count >= 16 else { return nil }
        bytes = Array(payload.prefix(16))
    }

    public var description: String {
        func little(_ offset: Int, _ count: Int) -> UInt64 {
            (0..<count).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        func padded(_ value: UInt64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(little(0, 2), 2)).\(padded(little(2, 2), 2))-\(padded(little(4, 4), 8))-\(padded(little(8, 4), 10))-\(padded(little(12, 4), 10))"
    }

}
