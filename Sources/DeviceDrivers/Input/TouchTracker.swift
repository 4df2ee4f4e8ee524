/// Turns a touch device's evdev events into a stream of down/move/up events in raw device
/// units. Pure: no I/O. Feed it every event in order; it answers at each SYN_REPORT.
///
/// - Multitouch protocol B: ABS_MT_SLOT selects a slot, ABS_MT_TRACKING_ID >= 0 starts a contact
///   in it and -1 ends it; only changes are sent, so every slot's state is kept.
/// - Single touch: ABS_X/ABS_Y and BTN_TOUCH.
/// - BTN_TOUCH 0 on a multitouch device (GT9xx sends nothing else when the last finger lifts):
///   every contact still down goes up.
/// - SYN_DROPPED: everything up to and including the next SYN_REPORT is dropped, then
///   `needsResynchronization` is set: call `resynchronize(with:)` with the device's state, or nil
///   when it cannot be asked (a pipe), which lifts every contact.
/// - A contact that starts and ends within one frame still gives a down and an up.
public struct TouchTracker: Sendable {
    /// Slots beyond this are garbage (real panels have 2..10).
    public static let maximumSlots = 64

    private struct Slot: Sendable {
        var trackingID: Int32?
        var x: Int32 = 0
        var y: Int32 = 0
        var reportedDown = false
        var reportedX: Int32 = 0
        var reportedY: Int32 = 0
    }

    private enum Change: Sendable {
        case began(slot: Int, trackingID: Int32)
        case ended(trackingID: Int32, x: Int32, y: Int32, wasReported: Bool)
        case singleTouch(down: Bool)
    }

    /// True once the device is known to speak multitouch (from its capabilities or its first ABS_MT_* event).
    public private(set) var isMultitouch: Bool
    public private(set) var needsResynchronization = false
    private var slots = [Slot](repeating: Slot(), count: 1)
    private var currentSlot = 0
    private var frame: [Change] = []
    private var buttonReleasedInFrame = false
    private var dropping = false
    /// Ups owed for contacts reported down whose end was in a frame SYN_DROPPED discarded; sent
    /// first by `resynchronize(with:)`, since their slots no longer hold them.
    private var droppedEnds: [TouchEvent] = []
    // Single touch.
    private var touching = false
    private var x: Int32 = 0
    private var y: Int32 = 0
    private var reportedTouching = false
    private var reportedX: Int32 = 0
    private var reportedY: Int32 = 0

    public init(multitouch: Bool = false) {
        isMultitouch = multitouch
    }

    public mutating func handle(_ event: InputEvent) -> [TouchEvent] {
        if dropping {
            if event.type == EventType.synchronization && event.code == SynchronizationCode.report {
                dropping = false
                needsResynchronization = true
            }
            return []
        }
        switch (event.type, event.code) {
        case (EventType.synchronization, SynchronizationCode.report):
            return endFrame()
        case (EventType.synchronization, SynchronizationCode.dropped):
            // The kernel's queue overflowed: this frame is incomplete, and so is the state.
            for case .ended(let id, let x, let y, true) in frame {
                droppedEnds.append(TouchEvent(.up, contact: Int(id), x: Double(x), y: Double(y)))
            }
            frame = []
            buttonReleasedInFrame = false
            dropping = true
        case (EventType.absolute, AbsoluteAxis.multitouchSlot):
            isMultitouch = true
            currentSlot = Int(event.value)
            if (0..<Self.maximumSlots).contains(currentSlot), currentSlot >= slots.count {
                slots.append(contentsOf: repeatElement(Slot(), count: currentSlot + 1 - slots.count))
            }
        case (EventType.absolute, AbsoluteAxis.multitouchTrackingID):
            isMultitouch = true
            guard (0..<slots.count).contains(currentSlot) else { break }
            trackingID(event.value, slot: currentSlot)
        case (EventType.absolute, AbsoluteAxis.multitouchPositionX):
            isMultitouch = true
            if (0..<slots.count).contains(currentSlot) { slots[currentSlot].x = event.value }
        case (EventType.absolute, AbsoluteAxis.multitouchPositionY):
            isMultitouch = true
            if (0..<slots.count).contains(currentSlot) { slots[currentSlot].y = event.value }
        case (EventType.absolute, AbsoluteAxis.x):
            x = event.value
        case (EventType.absolute, AbsoluteAxis.y):
            y = event.value
        case (EventType.key, KeyCode.buttonTouch):
            // Value 2 would be autorepeat: not a change.
            guard event.value == 0 || event.value == 1 else { break }
            if event.value == 0 { buttonReleasedInFrame = true }
            let down = event.value == 1
            if down != touching {
                touching = down
                frame.append(.singleTouch(down: down))
            }
        default:
            break
        }
        return []
    }

    private mutating func trackingID(_ value: Int32, slot index: Int) {
        let slot = slots[index]
        if let current = slot.trackingID {
            if value == current { return }
            // Ended, or replaced by a new contact without a -1 in between.
            frame.append(.ended(trackingID: current, x: slot.x, y: slot.y, wasReported: slot.reportedDown))
            slots[index].trackingID = nil
            slots[index].reportedDown = false
        }
        if value >= 0 {
            slots[index].trackingID = value
            frame.append(.began(slot: index, trackingID: value))
        }
    }

    private mutating func endFrame() -> [TouchEvent] {
        defer {
            frame = []
            buttonReleasedInFrame = false
        }
        return isMultitouch ? endMultitouchFrame() : endSingleTouchFrame()
    }

    private mutating func endMultitouchFrame() -> [TouchEvent] {
        var events: [TouchEvent] = []
        // Moves of contacts that were already down.
        for index in slots.indices {
            guard let id = slots[index].trackingID, slots[index].reportedDown else { continue }
            if slots[index].x != slots[index].reportedX || slots[index].y != slots[index].reportedY {
                events.append(TouchEvent(.move, contact: Int(id), x: Double(slots[index].x), y: Double(slots[index].y)))
                slots[index].reportedX = slots[index].x
                slots[index].reportedY = slots[index].y
            }
        }
        // Starts and ends in the order they happened.
        for (position, change) in frame.enumerated() {
            switch change {
            case .ended(let id, let x, let y, let wasReported):
                // A contact that began in this frame was given its down just before (below).
                let beganInFrame = frame[..<position].contains { if case .began(_, id) = $0 { return true } else { return false } }
                if wasReported || beganInFrame {
                    events.append(TouchEvent(.up, contact: Int(id), x: Double(x), y: Double(y)))
                }
            case .began(let index, let id):
                if slots[index].trackingID == id {
                    let slot = slots[index]
                    events.append(TouchEvent(.down, contact: Int(id), x: Double(slot.x), y: Double(slot.y)))
                    slots[index].reportedDown = true
                    slots[index].reportedX = slot.x
                    slots[index].reportedY = slot.y
                } else if let end = frame[position...].first(where: { if case .ended(id, _, _, _) = $0 { return true } else { return false } }),
                          case .ended(_, let x, let y, _) = end {
                    // Began and ended within this frame: down where it ended; its up follows.
                    events.append(TouchEvent(.down, contact: Int(id), x: Double(x), y: Double(y)))
                }
            case .singleTouch:
                break
            }
        }
        // BTN_TOUCH 0 lifts every contact still down (GT9xx sends no TRACKING_ID -1).
        if buttonReleasedInFrame {
            events += liftAllSlots()
        }
        return events
    }

    private mutating func endSingleTouchFrame() -> [TouchEvent] {
        var events: [TouchEvent] = []
        if reportedTouching, touching, x != reportedX || y != reportedY {
            events.append(TouchEvent(.move, contact: 0, x: Double(x), y: Double(y)))
        }
        for change in frame {
            guard case .singleTouch(let down) = change else { continue }
            events.append(TouchEvent(down ? .down : .up, contact: 0, x: Double(x), y: Double(y)))
        }
        reportedTouching = touching
        reportedX = x
        reportedY = y
        return events
    }

    private mutating func liftAllSlots() -> [TouchEvent] {
        var events: [TouchEvent] = []
        for index in slots.indices {
            guard let id = slots[index].trackingID else { continue }
            if slots[index].reportedDown {
                events.append(TouchEvent(.up, contact: Int(id), x: Double(slots[index].x), y: Double(slots[index].y)))
            }
            slots[index].trackingID = nil
            slots[index].reportedDown = false
        }
        return events
    }

    /// After SYN_DROPPED: brings the reported state in line with `snapshot` (the device's state
    /// now), or lifts every contact when there is none (a pipe cannot be asked).
    public mutating func resynchronize(with snapshot: TouchSnapshot?) -> [TouchEvent] {
        needsResynchronization = false
        defer { droppedEnds = [] }
        return droppedEnds + synchronize(with: snapshot)
    }

    private mutating func synchronize(with snapshot: TouchSnapshot?) -> [TouchEvent] {
        guard let snapshot else {
            var events = liftAllSlots()
            if reportedTouching {
                events.append(TouchEvent(.up, contact: 0, x: Double(x), y: Double(y)))
            }
            touching = false
            reportedTouching = false
            return events
        }
        if !isMultitouch && snapshot.slots.isEmpty {
            var events: [TouchEvent] = []
            x = snapshot.x
            y = snapshot.y
            if reportedTouching && snapshot.touching {
                if x != reportedX || y != reportedY { events.append(TouchEvent(.move, contact: 0, x: Double(x), y: Double(y))) }
            } else if reportedTouching {
                events.append(TouchEvent(.up, contact: 0, x: Double(reportedX), y: Double(reportedY)))
            } else if snapshot.touching {
                events.append(TouchEvent(.down, contact: 0, x: Double(x), y: Double(y)))
            }
            touching = snapshot.touching
            reportedTouching = touching
            reportedX = x
            reportedY = y
            return events
        }
        var events: [TouchEvent] = []
        let count = min(snapshot.slots.count, Self.maximumSlots)
        if count > slots.count { slots.append(contentsOf: repeatElement(Slot(), count: count - slots.count)) }
        for index in slots.indices {
            let now = index < count ? snapshot.slots[index] : TouchSnapshot.Slot(trackingID: -1, x: slots[index].x, y: slots[index].y)
            let newID: Int32? = now.trackingID >= 0 ? now.trackingID : nil
            if let old = slots[index].trackingID, old != newID, slots[index].reportedDown {
                events.append(TouchEvent(.up, contact: Int(old), x: Double(slots[index].x), y: Double(slots[index].y)))
                slots[index].reportedDown = false
            }
            let wasSame = slots[index].trackingID == newID && newID != nil && slots[index].reportedDown
            slots[index].trackingID = newID
            slots[index].x = now.x
            slots[index].y = now.y
            guard let id = newID else { continue }
            if wasSame {
                if now.x != slots[index].reportedX || now.y != slots[index].reportedY {
                    events.append(TouchEvent(.move, contact: Int(id), x: Double(now.x), y: Double(now.y)))
                }
            } else {
                events.append(TouchEvent(.down, contact: Int(id), x: Double(now.x), y: Double(now.y)))
            }
            slots[index].reportedDown = true
            slots[index].reportedX = now.x
            slots[index].reportedY = now.y
        }
        currentSlot = snapshot.currentSlot
        return events
    }
}
