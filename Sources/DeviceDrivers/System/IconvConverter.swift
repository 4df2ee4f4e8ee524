#if canImport(Glibc)
import Glibc
#endif

/// glibc's iconv, one conversion at a time. Used for GB18030, which Swift's String cannot produce.
/// The corresponding C functions are `iconv_open`, `iconv` and `iconv_close`.
enum IconvConverter {
    enum Failure: Error { case unsupported(from: String, to: String), invalid(offset: Int) }

    /// Converts all of `input`; fails at the first byte sequence that is invalid in `from` or
    /// has no form in `to` (glibc reports both as EILSEQ, an unfinished sequence as EINVAL).
    static func convert(_ input: [UInt8], from: String, to: String) throws(Failure) -> [UInt8] {
        let descriptor = iconv_open(to, from)
        // iconv_open returns (iconv_t)-1 on failure.
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { throw .unsupported(from: from, to: to) }
        defer { iconv_close(descriptor) }
        if input.isEmpty { return [] }
        // GB18030 takes at most 4 bytes per character, UTF-8 at most 4 per scalar: 4x is always enough.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var source = input
        let result: (ok: Bool, consumed: Int, produced: Int) = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                sourceBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: sourceBuffer.count) { sourceStart in
                    outputBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: outputBuffer.count) { outputStart in
                        var inPointer: UnsafeMutablePointer<CChar>? = sourceStart
                        var inLeft = sourceBuffer.count
                        var outPointer: UnsafeMutablePointer<CChar>? = outputStart
                        var outLeft = outputBuffer.count
                        let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                        return (status != -1 && inLeft == 0, sourceBuffer.count - inLeft, outputBuffer.count - outLeft)
                    }
                }
            }
        }
        guard result.ok else { throw .invalid(offset: result.consumed) }
        return Array(output[..<result.produced])
    }
}
