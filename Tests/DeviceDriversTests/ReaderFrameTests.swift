import DeviceDrivers
import KioskSimulation
import Testing

/// Frames byte for byte against docs/protocols/sam.md's table and test vectors. (The simulator's
/// side of the same vectors: KioskSimulationTests.SAMFramesTests.)
struct ReaderFrameTests {
    /// Should encode every command exactly as the spec's "full frame" column
    @Test(arguments: [
        (ReaderCommand.resetSAM, SAMCommand.resetSAM, "AA AA AA 96 69 00 03 10 FF EC"),
        (.samStatus, .samStatus, "AA AA AA 96 69 00 03 11 FF ED"),
        (.readSAMID, .readSAMID, "AA AA AA 96 69 00 03 12 FF EE"),
        (.findCard, .findCard, "AA AA AA 96 69 00 03 20 01 22"),
        (.selectCard, .selectCard, "AA AA AA 96 69 00 03 20 02 21"),
        (.readTextAndPhoto, .readTextAndPhoto, "AA AA AA 96 69 00 03 30 01 32"),
        (.readTextPhotoAndFingerprint, .readTextPhotoAndFingerprint, "AA AA AA 96 69 00 03 30 10 23"),
        (.readNewestAddress, .readNewestAddress, "AA AA AA 96 69 00 03 30 03 30"),
        (.setSAMBaud(.b115200), .setBaud(0x00), "AA AA AA 96 69 00 03 60 00 63"),
        (.setMaximumRFFrameBytes(0x50), .setMaximumRFFrameBytes(0x50), "AA AA AA 96 69 00 04 61 FF 50 CA"),
    ])
    func commandFrames(_ command: ReaderCommand, _ simulated: SAMCommand, _ expected: String) {
        #expect(command.frame == bytes(expected))
        // The simulator, with its own frame reader, recognises what the driver sends.
        var reader = SAMCommandReader()
        reader.append(command.frame)
        guard case .command(let body) = reader.next() else {
            Issue.record("the simulator found no command in \(expected)")
            return
        }
        #expect(SAMCommand(body: body) == simulated)
        #expect(reader.next() == nil)
    }

    /// Should decode the spec's response vectors to their status and data
    @Test(arguments: [
        ("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", ReaderStatus.cardFound, 4),
        ("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", .success, 8),
        ("AA AA AA 96 69 00 04 00 00 90 94", .success, 0),
        ("AA AA AA 96 69 00 04 00 00 80 84", .noCard, 0),
        ("AA AA AA 96 69 00 04 00 00 81 85", .selectFailed, 0),
    ])
    func responseVectors(_ frame: String, _ status: ReaderStatus, _ payloadCount: Int) throws {
        var decoder = ReaderFrameDecoder()
        decoder.append(bytes(frame))
        let response = try #require(try decoder.nextResponse()?.get())
        #expect(response.status == status)
        #expect(response.payload.count == payloadCount)
        #expect(decoder.bufferedByteCount == 0)
    }

    /// Should decode the SAM ID vector to the spec's text form
    @Test func samIDVector() throws {
        var decoder = ReaderFrameDecoder()
        decoder.append(bytes("AA AA AA 96 69 00 14 00 00 90 05 00 01 00 05 B4 32 01 4E 61 BC 00 D2 02 96 49 9E"))
        let response = try #require(try decoder.nextResponse()?.get())
        #expect(SAMIdentifier(payload: response.payload)?.description == "05.01-20100101-0012345678-1234567890")
    }

    /// Should return nil, consuming nothing it needs, until the last byte of a frame arrives
    @Test func waitsForTheWholeFrame() throws {
        let frame = bytes("AA AA AA 96 69 00 04 00 00 90 94")
        var decoder = ReaderFrameDecoder()
        for byte in frame.dropLast() {
            decoder.append([byte])
            #expect(decoder.nextResponse() == nil)
        }
        decoder.append([frame.last!])
        #expect(try decoder.nextResponse()?.get() == ReaderResponse(status: .success))
        #expect(decoder.skippedBytes == 0)
    }

    /// Should find the frame behind the stray byte readers have been seen to send (AA 00 AA AA 96 69…)
    @Test func resynchronisesAfterStrayByte() throws {
        var decoder = ReaderFrameDecoder()
        decoder.append(bytes("AA 00 AA AA 96 69 00 04 00 00 90 94"))
        #expect(try decoder.nextResponse()?.get() == ReaderResponse(status: .success))
        #expect(decoder.skippedBytes == 2)
    }

    /// Should report a bad checksum once, then find the good frame that follows
    @Test func badChecksumThenGoodFrame() throws {
        var decoder = ReaderFrameDecoder()
        // The first frame claims checksum 95; 00^04^00^00^90 is 94.
        decoder.append(bytes("AA AA AA 96 69 00 04 00 00 90 95  AA AA AA 96 69 00 04 00 00 80 84"))
        #expect(decoder.nextResponse() == .failure(.checksumMismatch(computed: 0x94, received: 0x95)))
        #expect(try decoder.nextResponse()?.get() == ReaderResponse(status: .noCard))
        #expect(decoder.nextResponse() == nil)
    }

    /// Should refuse a length the reader cannot mean before waiting for that many bytes
    @Test(arguments: [0x0000, 0x0003, 0x0961, 0xFFFF] as [UInt16])
    func lengthOutOfRange(_ length: UInt16) throws {
        var decoder = ReaderFrameDecoder()
        decoder.append([0xAA, 0xAA, 0xAA, 0x96, 0x69, UInt8(length >> 8), UInt8(length & 0xFF)])
        #expect(decoder.nextResponse() == .failure(.lengthOutOfRange(length)))
        #expect(decoder.nextResponse() == nil)
    }

    /// Should leave the bytes of a following frame in the buffer, never reading past a frame
    @Test func stopsAtTheFrameEnd() throws {
        var decoder = ReaderFrameDecoder()
        decoder.append(bytes("AA AA AA 96 69 00 04 00 00 90 94 AA AA AA 96"))
        #expect(try decoder.nextResponse()?.get() == ReaderResponse(status: .success))
        #expect(decoder.bufferedByteCount == 4)
        #expect(decoder.nextResponse() == nil)
    }

}

func bytes(_ text: String) -> [UInt8] {
    text.split(whereSeparator: { $0 == " " }).map { UInt8($0, radix: 16)! }
}

extension Result<ReaderResponse, ReaderFrameError>: @retroactive Equatable {}
