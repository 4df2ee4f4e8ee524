/// Splits what a printer sends back into replies, recognising each by its bit pattern, so that
/// unsolicited bytes never corrupt the reply to a request:
///
/// - a DLE EOT reply is one byte 0xx1xx10;
/// - automatic status back (after GS a) is four bytes, the first 0xx1xx00 and the others 0xx0xxxx,
///   sent at any time the printer's state changes, even between a request and its reply;
/// - the full status reply is 10 0F and four bytes. Its first byte 10 also has the shape of an
///   ASB first byte, so it is taken as full status only while one was requested.
///
/// Bytes that fit none of these (line noise, a printer echoing its buffer) are counted and dropped.
public struct PrinterReplyDecoder: Sendable {
    public enum Reply: Sendable, Equatable {
        case realTime(UInt8)
        case automaticStatus([UInt8])
        case full(FullStatus)
    }

    private var pending: [UInt8] = []
    /// Set by the caller while a full status (10 04 14) is outstanding.
    public var expectingFullStatus = false
    /// Bytes that fit no reply, for diagnostics.
    public private(set) var discardedBytes = 0

    public init() {}

    /// Feeds received bytes; returns every reply they complete, in order. Incomplete replies wait
    /// for the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Reply] {
        pending += bytes
        var replies: [Reply] = []
        while let first = pending.first {
            if expectingFullStatus, first == 0x10 {
                if pending.count < 2 { break }
                if pending[1] == 0x0F {
                    if pending.count < 6 { break }
                    replies.append(.full(FullStatus(paper: pending[2], user: pending[3], recoverable: pending[4], unrecoverable: pending[5])))
                    expectingFullStatus = false
                    pending.removeFirst(6)
                    continue
                }
            }
            if RealTimeStatus.isReply(first) {
                replies.append(.realTime(first))
                pending.removeFirst()
                continue
            }
            if first & 0x93 == 0x10 {
                // ASB: three more bytes, each 0xx0xxxx. If one does not fit, the first was noise.
                if pending.count < 4 {
                    if pending.dropFirst().allSatisfy({ $0 & 0x90 == 0 }) { break }
                } else if pending[1..<4].allSatisfy({ $0 & 0x90 == 0 }) {
                    replies.append(.automaticStatus(Array(pending[0..<4])))
                    pending.removeFirst(4)
                    continue
                }
            }
            discardedBytes += 1
            pending.removeFirst()
        }
        return replies
    }
}
