import Foundation
import HallProtocol
import KioskValues

/// Checks a batch before anything is stored: one kiosk (the certificate's), consecutive
/// sequences, well-formed ids, kinds and payloads, no full ID numbers. Pure; no I/O.
enum EventBatchValidator {
    static func validate(_ batch: EventBatch, certifiedKioskID: String, pathKioskID: String) throws(HallFailure) {
        try ProtocolVersionCheck.check(batch.protocolVersion, of: "batch")
        guard pathKioskID == certifiedKioskID, batch.kioskID == certifiedKioskID else {
            throw HallFailure(.forbidden, .wrongKiosk, "The client certificate is kiosk '\(certifiedKioskID)', but the request is for kiosk '\(batch.kioskID)' (path '\(pathKioskID)'). A kiosk may only send its own events; check kiosk_id and the certificate in the kiosk's configuration.")
        }
        guard batch.events.count <= HallProtocol.maximumBatchEvents else {
            throw HallFailure(.contentTooLarge, .tooLarge, "The batch holds \(batch.events.count) events; at most \(HallProtocol.maximumBatchEvents) are accepted. Lower [sync] batch_size.")
        }
        var expected: Int64? = nil
        for event in batch.events {
            guard event.sequence >= 1 else {
                throw HallFailure(.unprocessableContent, .malformed, "Event sequence \(event.sequence) is not positive; sequences start at 1.")
            }
            // Bounded before any arithmetic: `sequence + 1` below cannot overflow.
            guard event.sequence <= HallProtocol.maximumSequence else {
                throw HallFailure(.unprocessableContent, .malformed, "Event sequence \(event.sequence) is out of range; sequences stay at or below \(HallProtocol.maximumSequence).")
            }
            if let expected, event.sequence != expected {
                throw HallFailure(.unprocessableContent, .malformed, "The batch's sequences are not consecutive: \(event.sequence) follows \(expected - 1). Send events in journal order with no gaps.")
            }
            expected = event.sequence + 1
            guard UUID(uuidString: event.id) != nil else {
                throw HallFailure(.unprocessableContent, .malformed, "Event \(event.sequence) has a malformed id '\(event.id.prefix(64))'; expected a UUID.")
            }
            // A kind is lowercase letters, digits and dots: "11010519491231002x" is one, and a number.
            guard isKind(event.kind), PersonalData.firstResidentIDNumber(in: event.kind) == nil else {
                throw HallFailure(.unprocessableContent, .malformed, "Event \(event.sequence) has a malformed kind '\(event.kind.prefix(64))'; expected lowercase dotted words like 'ticket.issued'.")
            }
            guard (0...HallProtocol.maximumTimestampMs).contains(event.occurredAtMs) else {
                throw HallFailure(.unprocessableContent, .malformed, "Event \(event.sequence)'s time \(event.occurredAtMs) ms is outside 1970 to 9999; check the kiosk's clock.")
            }
            guard event.payload.utf8.count <= HallProtocol.maximumPayloadBytes else {
                throw HallFailure(.contentTooLarge, .tooLarge, "Event \(event.sequence)'s payload is \(event.payload.utf8.count) bytes; at most \(HallProtocol.maximumPayloadBytes) are accepted.")
            }
            guard let object = jsonObject(event.payload) else {
                throw HallFailure(.unprocessableContent, .malformed, "Event \(event.sequence)'s payload is not a JSON object.")
            }
            // On the decoded values too: a number written as \u escapes is still a number. The
            // payload is parsed once, here, for both checks.
            if let place = PersonalData.residentIDNumberPlace(inJSON: event.payload, decoded: object) {
                throw HallFailure(.unprocessableContent, .malformed, "Event \(event.sequence)'s payload holds a full ID number (in \(place)); the hall refuses to store it. Nothing of the batch was stored.")
            }
        }
    }

    private static func isKind(_ kind: String) -> Bool {
        guard !kind.isEmpty, kind.utf8.count <= 64 else { return false }
        return kind.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// The payload parsed, when it is a JSON object.
    private static func jsonObject(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
