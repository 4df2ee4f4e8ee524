import DeviceDrivers
import Testing

/// Feeds events to a tracker and collects everything it reports.
func track(_ events: [InputEvent], multitouch: Bool = false, tracker: inout TouchTracker) -> [TouchEvent] {
    events.flatMap { tracker.handle($0) }
}

func track(_ events: [InputEvent], multitouch: Bool = false) -> [TouchEvent] {
    var tracker = TouchTracker(multitouch: multitouch)
    return track(events, tracker: &tracker)
}

let slot = AbsoluteAxis.multitouchSlot, trackingID = AbsoluteAxis.multitouchTrackingID
let mtX = AbsoluteAxis.multitouchPositionX, mtY = AbsoluteAxis.multitouchPositionY

struct TouchTrackerTests {
    /// Should follow two contacts in MT protocol B: only changes are sent, so an unchanged axis keeps its value
    @Test func multitouchProtocolB() {
        let events: [InputEvent] = [
            .abs(slot, 0), .abs(trackingID, 10), .abs(mtX, 100), .abs(mtY, 200), .key(KeyCode.buttonTouch, 1), .report,
            .abs(slot, 1), .abs(trackingID, 11), .abs(mtX, 300), .abs(mtY, 400), .report,
            // Finger 0 moves along x only; finger 1 is unchanged.
            .abs(slot, 0), .abs(mtX, 110), .report,
            .abs(trackingID, -1), .report,
            .abs(slot, 1), .abs(trackingID, -1), .key(KeyCode.buttonTouch, 0), .report,
        ]
        #expect(track(events) == [
            TouchEvent(.down, contact: 10, x: 100, y: 200),
            TouchEvent(.down, contact: 11, x: 300, y: 400),
            TouchEvent(.move, contact: 10, x: 110, y: 200),
            TouchEvent(.up, contact: 10, x: 110, y: 200),
            TouchEvent(.up, contact: 11, x: 300, y: 400),
        ])
    }

    /// Should track a single-touch device from ABS_X/ABS_Y and BTN_TOUCH
    @Test func singleTouch() {
        let events: [InputEvent] = [
            .abs(AbsoluteAxis.x, 50), .abs(AbsoluteAxis.y, 60), .key(KeyCode.buttonTouch, 1), .report,
            .abs(AbsoluteAxis.x, 55), .report,
            .key(KeyCode.buttonTouch, 0), .report,
        ]
        #expect(track(events) == [
            TouchEvent(.down, contact: 0, x: 50, y: 60),
            TouchEvent(.move, contact: 0, x: 55, y: 60),
            TouchEvent(.up, contact: 0, x: 55, y: 60),
        ])
    }

    /// Should lift every contact on BTN_TOUCH 0 alone, as GT9xx controllers end a touch without TRACKING_ID -1
    @Test func buttonTouchAloneReleasesAll() {
        let events: [InputEvent] = [
            .abs(slot, 0), .abs(trackingID, 1), .abs(mtX, 10), .abs(mtY, 20),
            .abs(slot, 1), .abs(trackingID, 2), .abs(mtX, 30), .abs(mtY, 40), .key(KeyCode.buttonTouch, 1), .report,
            .key(KeyCode.buttonTouch, 0), .report,
            // The next touch reuses slot 0 with a new id: a fresh down, not a move.
            .abs(slot, 0), .abs(trackingID, 3), .key(KeyCode.buttonTouch, 1), .report,
        ]
        #expect(track(events) == [
            TouchEvent(.down, contact: 1, x: 10, y: 20),
            TouchEvent(.down, contact: 2, x: 30, y: 40),
            TouchEvent(.up, contact: 1, x: 10, y: 20),
            TouchEvent(.up, contact: 2, x: 30, y: 40),
            TouchEvent(.down, contact: 3, x: 10, y: 20),
        ])
    }

    /// Should give both the press and the release of a quick tap that arrive in one read
    @Test func pressAndReleaseInOneRead() {
        var tracker = TouchTracker(multitouch: true)
        // One batch, as one read(2) returns them.
        let batch: [InputEvent] = [
            .abs(slot, 0), .abs(trackingID, 7), .abs(mtX, 5), .abs(mtY, 6), .key(KeyCode.buttonTouch, 1), .report,
            .abs(trackingID, -1), .key(KeyCode.buttonTouch, 0), .report,
        ]
        #expect(track(batch, tracker: &tracker) == [TouchEvent(.down, contact: 7, x: 5, y: 6), TouchEvent(.up, contact: 7, x: 5, y: 6)])
    }

    /// Should give a down and an up for a contact that starts and ends inside one frame
    @Test func contactWithinOneFrame() {
        let events: [InputEvent] = [.abs(slot, 0), .abs(trackingID, 4), .abs(mtX, 1), .abs(mtY, 2), .abs(trackingID, -1), .report]
        #expect(track(events, multitouch: true) == [TouchEvent(.down, contact: 4, x: 1, y: 2), TouchEvent(.up, contact: 4, x: 1, y: 2)])
    }

    /// Should drop everything up to the next SYN_REPORT after SYN_DROPPED, then lift every contact when the state cannot be asked (a pipe)
    @Test func synDroppedWithoutStateLiftsAll() {
        var tracker = TouchTracker()
        var seen = track([.abs(slot, 0), .abs(trackingID, 9), .abs(mtX, 70), .abs(mtY, 80), .report], tracker: &tracker)
        // The queue overflowed: these events are lost, including a move that must not be reported.
        seen += track([.dropped, .abs(mtX, 999), .abs(trackingID, -1), .report], tracker: &tracker)
        #expect(tracker.needsResynchronization)
        seen += tracker.resynchronize(with: nil)
        #expect(!tracker.needsResynchronization)
        #expect(seen == [TouchEvent(.down, contact: 9, x: 70, y: 80), TouchEvent(.up, contact: 9, x: 70, y: 80)])
    }

    /// Should still lift a contact whose end was in the frame SYN_DROPPED discarded (found by Fuzz/InputEventFuzzer.swift)
    @Test func synDroppedAfterAnEndStillLiftsThatContact() {
        var tracker = TouchTracker()
        var seen = track([.abs(trackingID, 1), .report], tracker: &tracker)
        // Contact 1 is replaced by contact 2, then the queue overflows before the SYN_REPORT.
        seen += track([.abs(trackingID, 2), .dropped, .report], tracker: &tracker)
        seen += tracker.resynchronize(with: nil)
        #expect(seen == [TouchEvent(.down, contact: 1, x: 0, y: 0), TouchEvent(.up, contact: 1, x: 0, y: 0)])
    }

    /// Should bring the reported contacts in line with the device's slots after SYN_DROPPED
    @Test func synDroppedResynchronisesFromSlots() {
        var tracker = TouchTracker(multitouch: true)
        var seen = track([.abs(slot, 0), .abs(trackingID, 1), .abs(mtX, 10), .abs(mtY, 10),
                          .abs(slot, 1), .abs(trackingID, 2), .abs(mtX, 20), .abs(mtY, 20), .report], tracker: &tracker)
        seen += track([.dropped, .report], tracker: &tracker)
        // Now: contact 1 moved, contact 2 lifted, contact 3 landed in slot 2.
        let snapshot = TouchSnapshot(slots: [.init(trackingID: 1, x: 15, y: 10), .init(trackingID: -1, x: 20, y: 20), .init(trackingID: 3, x: 50, y: 60)],
                                     currentSlot: 2, touching: true, x: 15, y: 10)
        seen += tracker.resynchronize(with: snapshot)
        #expect(Array(seen.dropFirst(2)) == [
            TouchEvent(.move, contact: 1, x: 15, y: 10),
            TouchEvent(.up, contact: 2, x: 20, y: 20),
            TouchEvent(.down, contact: 3, x: 50, y: 60),
        ])
    }

    /// Should ignore slots beyond what any panel has, and unknown events, without crashing or inventing touches
    @Test func ignoresGarbageEvents() {
        let events: [InputEvent] = [.abs(slot, 5000), .abs(trackingID, 3), .abs(mtX, 1), InputEvent(type: 0x15, code: 0xFFFF, value: -7), .report]
        #expect(track(events).isEmpty)
    }
}
