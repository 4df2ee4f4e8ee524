import KioskSimulation
import Testing

/// The simulator's SAM frames against the vectors of docs/protocols/sam.md, "Test vectors".
struct SAMFramesTests {
    /// Should frame each answer exactly as the document's vectors
    @Test(arguments: [
        ("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", SAMStatus.cardPresent, [0, 0, 0, 0] as [UInt8]),
        ("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", .ok, [UInt8](repeating: 0, count: 8)),
        ("AA AA AA 96 69 00 04 00 00 90 94", .ok, []),
        ("AA AA AA 96 69 00 04 00 00 80 84", .noCardFound, []),
        ("AA AA AA 96 69 00 04 00 00 81 85", .cannotSelect, []),
    ])
    func answerVectors(_ frame: String, _ status: SAMStatus, _ data: [UInt8]) {
        #expect(SAMFrames.response(status: status, data: data) == bytes(frame))
    }

    /// Should answer read SAM ID with the document's 16 bytes for 5, 1, 20100101, 12345678, 1234567890
    @Test func samIDVector() {
        let frame = bytes("AA AA AA 96 69 00 14 00 00 90 05 00 01 00 05 B4 32 01 4E 61 BC 00 D2 02 96 49 9E")
        var reader = SimulatedIDCardReader()
        let answer = reader.respond(to: .readSAMID)
        #expect(SimulatedIDCardReader.samIdentity(5, 1, 20_100_101, 12_345_678, 1_234_567_890) == Array(frame[10..<26]))
        #expect(SAMFrames.response(status: answer.status, data: answer.data) == frame)
    }

    /// Should build a 1295-byte text-and-photo answer whose head matches the document's vector
    @Test func readAnswerHead() {
        var reader = SimulatedIDCardReader()
        reader.place(SampleCards.resident)
        _ = reader.respond(to: .findCard)
        _ = reader.respond(to: .selectCard)
        let answer = reader.respond(to: .readTextAndPhoto)
        let frame = SAMFrames.response(status: answer.status, data: answer.data)
        #expect(frame.count == 1295)
        #expect(Array(frame.prefix(14)) == bytes("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"))
    }

    /// Should find each command of the document's table, behind a stray byte and split byte by byte
    @Test(arguments: [
        ("AA AA AA 96 69 00 03 10 FF EC", SAMCommand.resetSAM),
        ("AA AA AA 96 69 00 03 11 FF ED", .samStatus),
        ("AA AA AA 96 69 00 03 12 FF EE", .readSAMID),
        ("AA AA AA 96 69 00 03 20 01 22", .findCard),
        ("AA AA AA 96 69 00 03 20 02 21", .selectCard),
        ("AA AA AA 96 69 00 03 30 01 32", .readTextAndPhoto),
        ("AA AA AA 96 69 00 03 30 10 23", .readTextPhotoAndFingerprint),
        ("AA AA AA 96 69 00 03 30 03 30", .readNewestAddress),
        ("AA AA AA 96 69 00 03 60 00 63", .setBaud(0)),
        ("AA AA AA 96 69 00 04 61 FF 50 CA", .setMaximumRFFrameBytes(0x50)),
    ])
    func commandTable(_ frame: String, _ command: SAMCommand) {
        var reader = SAMCommandReader()
        for byte in [0xAA, 0x00] + bytes(frame).dropLast() {
            reader.append([byte])
            #expect(reader.next() == nil)
        }
        reader.append([bytes(frame).last!])
        guard case .command(let body) = reader.next() else {
            Issue.record("no command in \(frame)")
            return
        }
        #expect(SAMCommand(body: body) == command)
        #expect(reader.next() == nil)
    }

    /// Should report a wrong checksum (answered 10) and an impossible length (answered 11), then find the next frame
    @Test func badCommandFrames() {
        var reader = SAMCommandReader()
        // Claims checksum ED for 10 FF, whose checksum is EC.
        reader.append(bytes("AA AA AA 96 69 00 03 10 FF ED"))
        #expect(reader.next() == .checksumError)
        #expect(reader.next() == nil)
        // LEN 2 cannot hold CMD, PARA and CHK.
        reader.append(bytes("AA AA AA 96 69 00 02 AA AA AA 96 69 00 03 11 FF ED"))
        #expect(reader.next() == .lengthError)
        #expect(reader.next() == .command([0x11, 0xFF]))
        #expect(reader.next() == nil)
        // Unknown commands are frames all the same; the reader answers them 21.
        #expect(SAMCommand(body: [0x12, 0x00]) == nil)
        #expect(SAMCommand(body: [0x60, 0x05]) == nil)
        var simulated = SimulatedIDCardReader()
        #expect(simulated.respond(toCommandBody: [0x99, 0x01]) == .init(.unknownCommand))
    }
}

func bytes(_ text: String) -> [UInt8] {
    text.split(whereSeparator: { $0 == " " }).map { UInt8($0, radix: 16)! }
}
