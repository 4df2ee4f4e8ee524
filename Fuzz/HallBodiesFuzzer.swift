// libFuzzer target for what the hall reads from kiosks: the bodies of POST events (EventBatch),
// heartbeat (Heartbeat) and tickets (TicketRequest), decoded as HallRoutes decodes them, then
// EventBatchValidator and HeartbeatValidator. Built by `make fuzz` from those files (see the
// Makefile's FUZZ_SOURCES_hall-bodies). HallServer's HallFailure carries Hummingbird's HTTP
// status, so this target brings a stand-in with the same initializer (below).
//
// The first input byte says which body the rest is: 0 a batch, 1 a heartbeat, 2 a ticket.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func hallBodiesFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0:
        guard let batch = try? JSONDecoder().decode(EventBatch.self, from: body) else { return 0 }
        roundTrip(batch)
        // A kiosk may only send its own events.
        require(refuses { () throws(HallFailure) in try EventBatchValidator.validate(batch, certifiedKioskID: batch.kioskID + "x", pathKioskID: batch.kioskID) },
                "a batch for kiosk '\(batch.kioskID)' accepted from another kiosk")
        guard !refuses({ () throws(HallFailure) in try EventBatchValidator.validate(batch, certifiedKioskID: batch.kioskID, pathKioskID: batch.kioskID) }) else { return 0 }
        // Accepted: within the protocol's bounds, and no full ID number anywhere in it.
        require(batch.protocolVersion == HallProtocol.version && batch.events.count <= HallProtocol.maximumBatchEvents, "an accepted batch out of bounds")
        for (index, event) in batch.events.enumerated() {
            require(event.sequence == batch.events[0].sequence + Int64(index) && (1...HallProtocol.maximumSequence).contains(event.sequence),
                    "accepted sequence \(event.sequence) at \(index)")
            require(UUID(uuidString: event.id) != nil, "accepted id '\(event.id)'")
            require((0...HallProtocol.maximumTimestampMs).contains(event.occurredAtMs), "accepted time \(event.occurredAtMs)")
            require(event.payload.utf8.count <= HallProtocol.maximumPayloadBytes, "accepted a payload of \(event.payload.utf8.count) bytes")
            // The kind too: "11010519491231002x" passed as one (Fuzz/corpus/hall-bodies/batch-id-number-kind).
            for (field, text) in [("id", event.id), ("kind", event.kind), ("payload", event.payload)] {
                require(!PersonalData.containsResidentIDNumber(decoded: text), "accepted a full ID number in event \(event.sequence)'s \(field): '\(text.prefix(200))'")
            }
        }
    case 1:
        guard let heartbeat = try? JSONDecoder().decode(Heartbeat.self, from: body) else { return 0 }
        roundTrip(heartbeat)
        require(refuses { () throws(HallFailure) in try HeartbeatValidator.validate(heartbeat, certifiedKioskID: heartbeat.kioskID + "x") },
                "a heartbeat for kiosk '\(heartbeat.kioskID)' accepted from another kiosk")
        guard !refuses({ () throws(HallFailure) in try HeartbeatValidator.validate(heartbeat, certifiedKioskID: heartbeat.kioskID) }) else { return 0 }
        require(heartbeat.devices.count <= HallProtocol.maximumHeartbeatDevices
                && (0...HallProtocol.maximumTimestampMs).contains(heartbeat.sentAtMs)
                && (0...HallProtocol.maximumSequence).contains(heartbeat.lastSequence)
                && (0...HallProtocol.maximumSequence).contains(Int64(heartbeat.unsyncedEvents)), "an accepted heartbeat out of bounds")
        let texts = [heartbeat.softwareVersion] + heartbeat.devices.flatMap { [$0.name, $0.kind, $0.state, $0.lastError ?? ""] }
        for text in texts {
            require(!PersonalData.containsResidentIDNumber(decoded: text), "accepted a full ID number in a heartbeat: '\(text.prefix(200))'")
        }
    default:
        // The ticket's checks are in CounterRoutes' handler (Hummingbird), not reachable here.
        guard let ticket = try? JSONDecoder().decode(TicketRequest.self, from: body) else { return 0 }
        roundTrip(ticket)
    }
    return 0
}

func refuses(_ validation: () throws(HallFailure) -> Void) -> Bool {
    do {
        try validation()
        return false
    } catch {
        require(!error.body.message.isEmpty, "a refusal without a message")
        return true
    }
}

/// A decoded body encodes, and decodes back to itself.
func roundTrip<Body: Codable & Equatable>(_ body: Body) {
    guard let encoded = try? JSONEncoder().encode(body) else { fatalError("\(body) decoded but does not encode") }
    guard let again = try? JSONDecoder().decode(Body.self, from: encoded) else {
        fatalError("\(body) encoded as '\(String(decoding: encoded, as: UTF8.self))', which does not decode")
    }
    require(again == body, "\(body) came back as \(again)")
}

/// HallServer's HallFailure without Hummingbird: the validators need only its initializer.
struct HallFailure: Error {
    enum Status { case badRequest, forbidden, contentTooLarge, unprocessableContent }
    var status: Status
    var body: HallErrorBody

    init(_ status: Status, _ code: HallErrorBody.Code, _ message: String) {
        self.status = status
        self.body = HallErrorBody(error: code, message: message)
    }
}
