// libFuzzer target for the evdev side of the touchscreen: InputEventDecoder (24-byte
// input_event records) and TouchTracker (those events to down/move/up). Built by `make fuzz`
// from the driver's own source files (see the Makefile's FUZZ_SOURCES_input-event).
//
// The first input byte is a control byte: bit 0 starts the tracker as multitouch, bit 1 answers
// a SYN_DROPPED with no snapshot (a pipe) rather than one made from the last event, the rest
// says where to split the remaining bytes into two reads.

@_cdecl("LLVMFuzzerTestOneInput")
public func inputEventFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let split = Int(control >> 2) * InputEvent.size / 3 % (bytes.count + 1)

    var whole = InputEventDecoder()
    let events = whole.append(bytes)
    var pieces = InputEventDecoder()
    let piecesEvents = pieces.append(bytes[..<split]) + pieces.append(bytes[split...])
    require(events == piecesEvents && whole.skippedRecords == pieces.skippedRecords, "splitting the reads changed the events")

    // Every record is an event or skipped; a partial record waits.
    let records = bytes.count / InputEvent.size
    require(events.count + whole.skippedRecords == records, "records lost or invented")
    require(whole.pendingByteCount == bytes.count % InputEvent.size, "a partial record lost or overgrown")
    // Each event re-encodes to the record it came from; only records with a type above EV_MAX are skipped.
    var next = events.makeIterator()
    for index in 0..<records {
        let record = Array(bytes[(index * InputEvent.size)..<((index + 1) * InputEvent.size)])
        let type = UInt16(record[16]) | UInt16(record[17]) << 8
        guard type <= EventType.maximum else { continue }
        guard let event = next.next() else { fatalError("an event type the decoder skipped") }
        require(event.bytes == record, "event \(event) does not re-encode to its record")
    }

    var tracker = TouchTracker(multitouch: control & 1 != 0)
    var contacts = ContactLedger()
    for event in events {
        contacts.check(tracker.handle(event))
        if tracker.needsResynchronization {
            let snapshot = control & 2 != 0 ? nil : TouchSnapshot(event: event)
            contacts.check(tracker.resynchronize(with: snapshot))
            require(!tracker.needsResynchronization, "resynchronizing left the tracker unsynchronized")
        }
    }
    // The queue overflows, then the state cannot be asked (a pipe): every contact still down goes up.
    contacts.check(tracker.handle(.dropped) + tracker.handle(.report))
    require(tracker.needsResynchronization, "SYN_DROPPED and SYN_REPORT did not ask for a resynchronization")
    contacts.check(tracker.resynchronize(with: nil))
    require(contacts.down.isEmpty, "contacts \(contacts.down) never went up")
    return 0
}

/// How many times each contact is down: a move or an up only for a contact that is down, and
/// every coordinate a number.
struct ContactLedger {
    var down: [Int: Int] = [:]

    mutating func check(_ touches: [TouchEvent]) {
        for touch in touches {
            require(touch.x.isFinite && touch.y.isFinite, "\(touch) has no position")
            switch touch.phase {
            case .down:
                down[touch.contact, default: 0] += 1
            case .move:
                require(down[touch.contact] != nil, "\(touch) moves a contact that is not down")
            case .up:
                guard let count = down[touch.contact] else { fatalError("\(touch) lifts a contact that is not down") }
                down[touch.contact] = count > 1 ? count - 1 : nil
            }
        }
    }
}

extension TouchSnapshot {
    /// A device state made from one event's fields: up to three slots, some holding contacts.
    init(event: InputEvent) {
        let slots = (0..<Int(event.code % 4)).map { index in
            TouchSnapshot.Slot(trackingID: (event.value >> (index * 8)) & 0x3 == 0 ? -1 : (event.value >> (index * 8)) & 0x7F,
                               x: Int32(truncatingIfNeeded: event.seconds), y: Int32(truncatingIfNeeded: event.microseconds))
        }
        self.init(slots: slots, currentSlot: Int(event.value % 5), touching: event.value & 1 != 0,
                  x: Int32(truncatingIfNeeded: event.seconds), y: Int32(truncatingIfNeeded: event.microseconds))
    }
}
