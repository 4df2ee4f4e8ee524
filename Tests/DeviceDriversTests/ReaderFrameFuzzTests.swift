import DeviceDrivers
import KioskSimulation
import Testing

/// Random and truncated byte streams: the decoder never crashes, never invents a frame, and
/// finds every real frame hidden among the garbage.
struct ReaderFrameFuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Should find every frame embedded in garbage, fed in random-sized chunks
    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func findsFramesAmongGarbage(seed: UInt64) {
        var random = SplitMix64(state: seed)
        var stream: [UInt8] = []
        var expected: [ReaderResponse] = []
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            // Garbage without 0xAA cannot fake a marker, so every frame must be found.
            stream += (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...0xA9, using: &random) }
            let payload = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let response = ReaderResponse(status: ReaderStatus(rawValue: UInt8.random(in: 0...255, using: &random)), payload: payload)
            expected.append(response)
            // Framed by the simulator's encoder, which shares no code with the decoder under test.
            stream += SAMFrames.response(status: SAMStatus(rawValue: response.status.rawValue), data: response.payload)
        }
        var decoder = ReaderFrameDecoder()
        var found: [ReaderResponse] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + Int.random(in: 1...64, using: &random))
            decoder.append(stream[offset..<end])
            offset = end
            while let next = decoder.nextResponse() {
                if case .success(let response) = next { found.append(response) }
            }
        }
        #expect(found == expected)
    }

    /// Should survive fully random and truncated streams; whatever it returns has a valid checksum
    @Test(arguments: 1...60 as ClosedRange<UInt64>)
    func survivesRandomStreams(seed: UInt64) {
        var random = SplitMix64(state: seed &* 7919)
        var stream = (0..<Int.random(in: 0...3000, using: &random)).map { _ in
            // Lean towards marker bytes so that fake frames and lengths are exercised.
            Bool.random(using: &random) ? [0xAA, 0x96, 0x69, 0x00][Int.random(in: 0...3, using: &random)] : UInt8.random(in: 0...255, using: &random)
        }
        let real = bytes("AA AA AA 96 69 00 07 00 00 90 01 02 03 97")  // SW3 90, data 01 02 03
        stream.insert(contentsOf: real.prefix(Int.random(in: 0...real.count, using: &random)), at: Int.random(in: 0...stream.count, using: &random))
        var decoder = ReaderFrameDecoder()
        decoder.append(stream)
        var iterations = 0
        while let next = decoder.nextResponse() {
            iterations += 1
            #expect(iterations <= stream.count)  // always progresses
            if case .success(let response) = next {
                // Preamble (5), LEN (2), SW1 SW2 SW3, the data, CHK: a frame that fits in the stream.
                #expect(5 + 2 + 3 + response.payload.count + 1 <= stream.count)
            }
        }
        #expect(decoder.bufferedByteCount <= stream.count)
    }
}
