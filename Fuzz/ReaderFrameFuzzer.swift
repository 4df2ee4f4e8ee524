// libFuzzer target for the SAM frame decoder, and for the simulator's command frame reader.
// Built by `make fuzz` with swiftc straight from the driver's own source files (the decoder has
// no dependencies), so the code fuzzed is the code that ships, and from the simulator's
// Sources/KioskSimulation/IDCard/SAM*.swift (see the Makefile's FUZZ_SOURCES_reader-frame).

@_cdecl("LLVMFuzzerTestOneInput")
public func readerFrameFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Feed the input in two pieces, split where its first byte says, to exercise partial frames.
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    var decoder = ReaderFrameDecoder()
    var produced = 0
    for piece in [bytes[..<split], bytes[split...]] {
        decoder.append(piece)
        while let next = decoder.nextResponse() {
            produced += 1
            // Every call consumes input: at most one result per byte.
            precondition(produced <= bytes.count, "decoder produced more results than bytes")
            if case .success(let response) = next {
                // A decoded frame fits in the input: sync marker (4; the first AA may be missing),
                // LEN (2), SW1 SW2 SW3, the data, CHK.
                precondition(4 + 2 + 3 + response.payload.count + 1 <= bytes.count, "decoded a frame longer than the input")
            }
        }
    }
    precondition(decoder.bufferedByteCount <= bytes.count)
    // Commands, as the simulator reads them: every call consumes input, a command fits in it.
    var commands = SAMCommandReader()
    commands.append(bytes)
    var items = 0
    while let item = commands.next() {
        items += 1
        precondition(items <= bytes.count, "the command reader produced more items than bytes")
        if case .command(let body) = item {
            precondition(4 + 2 + body.count + 1 <= bytes.count, "read a command longer than the input")
            _ = SAMCommand(body: body)
        }
    }
    return 0
}
