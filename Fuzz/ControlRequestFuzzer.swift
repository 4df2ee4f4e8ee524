// libFuzzer target for the control socket's wire format: ControlCoding.decode of a request, as
// kioskd reads one line from a peer, and of a response, as kioskctl reads the answer. Built by
// `make fuzz` from ControlProtocol's own source files (see the Makefile's FUZZ_SOURCES_control-request).

@_cdecl("LLVMFuzzerTestOneInput")
public func controlRequestFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeBufferPointer(start: data, count: size)
    if let request = try? ControlCoding.decode(ControlRequest.self, from: line) {
        roundTrip(request)
    }
    if let response = try? ControlCoding.decode(ControlResponse.self, from: line) {
        roundTrip(response)
    }
    return 0
}

/// A decoded value encodes to one line, which decodes to the same value.
func roundTrip<Message: Codable & Equatable>(_ message: Message) {
    let encoded: [UInt8]
    do {
        encoded = try ControlCoding.encodeLine(message)
    } catch {
        fatalError("\(message) decoded but does not encode: \(error)")
    }
    require(encoded.last == UInt8(ascii: "\n") && encoded.firstIndex(of: UInt8(ascii: "\n")) == encoded.count - 1,
            "\(message) does not encode to one line")
    do {
        let again = try ControlCoding.decode(Message.self, from: encoded.dropLast())
        require(again == message, "\(message) came back as \(again)")
    } catch {
        fatalError("\(message) encoded as '\(String(decoding: encoded, as: UTF8.self))', which does not decode: \(error)")
    }
}
