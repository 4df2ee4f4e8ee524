// libFuzzer target for the SAM frame decoder. Built by `make fuzz` with swiftc straight from
// the driver's own source files (the decoder has no dependencies), so the code fuzzed is the
// code that ships:
//   swiftc -sanitize=fuzzer,address -parse-as-library Sources/DeviceDrivers/IDCard/ReaderFrame*.swift \
//          Sources/DeviceDrivers/IDCard/ReaderStatus.swift Sources/DeviceDrivers/IDCard/ReaderCommand.swift Fuzz/ReaderFrameFuzzer.swift

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
                // A decoded frame re-encodes to a frame that fits in the input.
                let frame = ReaderFrame.encodeResponse(status: response.status, payload: response.payload)
                precondition(frame.count - 1 <= bytes.count, "decoded a frame longer than the input")
            }
        }
    }
    precondition(decoder.bufferedByteCount <= bytes.count)
    // Commands, as the simulator parses them.
    var commands = ReaderFrameDecoder(minimumLength: 3)
    commands.append(bytes)
    while let next = commands.nextFrameBody() {
        if case .success(let body) = next { _ = ReaderCommand(body: body) }
    }
    return 0
}
