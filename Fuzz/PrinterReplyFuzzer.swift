// libFuzzer target for the ESC/POS reply decoder: DLE EOT status bytes, automatic status back
// and the Custom full status (10 0F and four bytes), with RealTimeStatus and FullStatus reading
// them. Built by `make fuzz` from the driver's own source files (see the Makefile's FUZZ_SOURCES_printer-reply).
//
// The first input byte is a control byte: bit 0 sets `expectingFullStatus`, the rest says where
// to split the remaining bytes into two feeds.

@_cdecl("LLVMFuzzerTestOneInput")
public func printerReplyFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let split = Int(control >> 1) % (bytes.count + 1)

    var whole = PrinterReplyDecoder()
    whole.expectingFullStatus = control & 1 != 0
    let wholeReplies = whole.feed(bytes)

    var pieces = PrinterReplyDecoder()
    pieces.expectingFullStatus = control & 1 != 0
    let piecesReplies = pieces.feed(bytes[..<split]) + pieces.feed(bytes[split...])

    // Where the bytes were split does not change what they mean.
    require(wholeReplies == piecesReplies, "splitting the input changed the replies")
    require(whole.discardedBytes == pieces.discardedBytes, "splitting the input changed the discarded count")

    var replyBytes: [UInt8] = []
    var fullStatuses = 0
    for reply in wholeReplies {
        switch reply {
        case .realTime(let byte):
            require(RealTimeStatus.isReply(byte), "a real-time reply without the 0xx1xx10 pattern")
            replyBytes.append(byte)
            _ = RealTimeStatus(printer: byte, offlineCause: byte, error: byte, paperSensor: byte).status
        case .automaticStatus(let status):
            require(status.count == 4 && status[0] & 0x93 == 0x10 && status.dropFirst().allSatisfy { $0 & 0x90 == 0 },
                         "an automatic status that is not 0xx1xx00 and three 0xx0xxxx bytes")
            replyBytes += status
        case .full(let full):
            fullStatuses += 1
            replyBytes += [0x10, 0x0F, full.paper, full.user, full.recoverable, full.unrecoverable]
            _ = full.status
        }
    }
    // A full status only when one was asked for, and at most one per request.
    require(fullStatuses <= (control & 1 != 0 ? 1 : 0), "a full status that was not requested")
    if fullStatuses == 1 { require(!whole.expectingFullStatus, "the request stayed open after its reply") }

    // Every byte is a reply's, discarded, or waiting; no more than an incomplete full status waits.
    let waiting = bytes.count - replyBytes.count - whole.discardedBytes
    require((0...5).contains(waiting), "\(waiting) bytes unaccounted for")
    // The replies are the input's bytes, in order.
    var position = bytes.startIndex
    for byte in replyBytes {
        guard let found = bytes[position...].firstIndex(of: byte) else { fatalError("a reply byte not in the input") }
        position = found + 1
    }
    return 0
}
