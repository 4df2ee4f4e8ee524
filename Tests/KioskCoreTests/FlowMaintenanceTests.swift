import KioskCore
import Testing

struct FlowMaintenanceTests {
    /// Should open PIN entry after the four-corner gesture on the attract screen, without starting a session
    @Test func cornerGestureOpensPINEntry() {
        var journey = Journey()
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight] { journey.tap(.corner(corner)) }
        #expect(journey.screen.isAttract)
        journey.tap(.corner(.bottomLeft))
        #expect(journey.screen == .pinEntry(PINEntryScreen(digitsEntered: 0, failures: 0, attemptsLeft: 5, lockedUntil: nil)))
        #expect(!journey.flow.hasSession)
        #expect(journey.effects.journals.isEmpty)
    }

    /// Should not open PIN entry for corners in the wrong order or too slowly
    @Test func wrongGestureIgnored() {
        var journey = Journey()
        for corner in [ScreenCorner.topLeft, .bottomRight, .topRight, .bottomLeft] { journey.tap(.corner(corner)) }
        #expect(journey.screen.isAttract)
        journey.tap(.corner(.topLeft))
        journey.tap(.corner(.topRight))
        journey.tap(.corner(.bottomRight), after: 15)
        journey.tap(.corner(.bottomLeft))
        #expect(journey.screen.isAttract)
    }

    /// Should enter maintenance with the right PIN, journaling it, and show only dots while typing
    @Test func rightPINEnters() {
        var journey = Journey()
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight, .bottomLeft] { journey.tap(.corner(corner)) }
        journey.tap(.digit(2))
        #expect(journey.screen == .pinEntry(PINEntryScreen(digitsEntered: 1, failures: 0, attemptsLeft: 5, lockedUntil: nil)))
        for digit in [4, 6, 8] { journey.tap(.digit(digit)) }
        let effects = journey.tap(.submit)
        #expect(effects.journalKinds == [JournalKind.maintenanceEntered])
        guard case .maintenance(let screen) = journey.screen else { Issue.record("not maintenance"); return }
        #expect(screen.catalogVersion == 3)
    }

    /// Should lock PIN entry for the lockout period after 5 wrong PINs, refusing even the right one
    @Test func lockoutAfterFiveFailures() {
        var journey = Journey()
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight, .bottomLeft] { journey.tap(.corner(corner)) }
        for attempt in 1...5 {
            journey.tap(.digit(1))
            let effects = journey.tap(.submit)
            #expect(effects.journals.first == JournalRecord(JournalKind.maintenancePINFailed, ["failures": .int(attempt)]))
            if attempt == 5 {
                #expect(effects.journals.last == JournalRecord(JournalKind.maintenanceLocked, ["minutes": .int(15)]))
            }
            // The screen counts down the tries the configuration allows.
            if case .pinEntry(let entry) = journey.screen { #expect(entry.attemptsLeft == 5 - attempt) }
        }
        guard case .pinEntry(let locked) = journey.screen else { Issue.record("not PIN entry"); return }
        #expect(locked.lockedUntil != nil)
        for digit in [2, 4, 6, 8] { journey.tap(.digit(digit)) }
        #expect(journey.tap(.submit).journals.isEmpty)
        #expect(journey.screen != .maintenance(MaintenanceScreen(printer: .unknown, cardReader: .unknown, isOutOfService: false, catalogVersion: 3)))
        guard case .pinEntry = journey.screen else { Issue.record("left PIN entry while locked"); return }
    }

    /// Should accept the right PIN again once the lockout has passed
    @Test func lockoutExpires() {
        var journey = Journey()
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight, .bottomLeft] { journey.tap(.corner(corner)) }
        for _ in 1...5 {
            journey.tap(.digit(1), after: 0)
            journey.tap(.submit, after: 0)
        }
        journey.send(.tick, after: 30)  // PIN entry times out after 60 s: stay within it
        journey.tap(.back)
        journey.now = journey.now.adding(seconds: 900)
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight, .bottomLeft] { journey.tap(.corner(corner)) }
        for digit in [2, 4, 6, 8] { journey.tap(.digit(digit)) }
        #expect(journey.tap(.submit).journalKinds == [JournalKind.maintenanceEntered])
    }

    /// Should return to attract when PIN entry is left alone
    @Test func pinEntryTimesOut() {
        var journey = Journey()
        for corner in [ScreenCorner.topLeft, .topRight, .bottomRight, .bottomLeft] { journey.tap(.corner(corner)) }
        journey.send(.tick, after: 60)
        #expect(journey.screen.isAttract)
    }

    /// Should stay in service, and show the attract screen again, when the out-of-service record
    /// could not be journaled (issue: kioskctl said OK while the journal held nothing)
    @Test func unjournaledOutOfServiceIsUndone() {
        var journey = Journey()
        let effects = journey.send(.outOfServiceSet(true, reason: "printer jammed"))
        #expect(effects.journalKinds == [JournalKind.maintenanceOutOfService])
        #expect(journey.flow.isOutOfService)
        let after = journey.send(.journalFailed, after: 0)
        #expect(!journey.flow.isOutOfService)
        #expect(journey.screen.isAttract)
        // The screen had been told "out of service" in the dropped effects: it is shown attract again.
        #expect(after.contains { if case .show(let view) = $0 { view.screen.isAttract } else { false } })
        // A later failure of another record does not flip it back.
        journey.send(.outOfServiceSet(true, reason: "printer jammed"))
        journey.send(.tick)
        journey.send(.journalFailed, after: 0)
        #expect(journey.flow.isOutOfService)
    }

    /// Should undo an unjournaled "back in service" too
    @Test func unjournaledBackInServiceIsUndone() {
        var journey = Journey()
        journey.send(.outOfServiceSet(true, reason: "cover broken"))
        journey.send(.outOfServiceSet(false, reason: ""))
        #expect(!journey.flow.isOutOfService)
        journey.send(.journalFailed, after: 0)
        #expect(journey.flow.isOutOfService)
    }
}
