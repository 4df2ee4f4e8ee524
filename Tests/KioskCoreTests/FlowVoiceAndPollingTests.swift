import KioskCore
import Testing

struct FlowVoiceAndPollingTests {
    /// Should speak each new screen's prompt once, in the session's language
    @Test func speaksPrompts() {
        var journey = Journey()
        #expect(journey.tap(.wake).contains(.speak("请选择要办理的事项")))
        journey.send(.tick, after: 5)
        #expect(!journey.tap(.continueSession).contains { if case .speak = $0 { true } else { false } })
    }

    /// Should speak no prompt when voice prompts are off
    @Test func silentWithoutVoicePrompts() {
        var configuration = FlowConfiguration.test
        configuration.voicePrompts = false
        var journey = Journey(configuration: configuration)
        journey.tap(.wake)
        journey.send(.tick, after: 75)
        #expect(!journey.effects.contains { if case .speak = $0 { true } else { false } })
    }

    /// Should speak the idle warning when the countdown appears
    @Test func speaksIdleWarning() {
        var journey = Journey()
        journey.tap(.wake)
        let effects = journey.send(.tick, after: 70)
        #expect(effects.contains(.speak("20 秒后将结束办理，继续请点“继续”")))
    }

    /// Should ask for a tick every second while the countdown shows, and at the deadline last
    @Test func wakesEverySecondDuringCountdown() {
        var journey = Journey()
        journey.tap(.wake)
        journey.send(.tick, after: 70)
        #expect(journey.flow.nextWakeUp == journey.now.adding(seconds: 1))
        journey.send(.tick, after: 19)
        #expect(journey.flow.nextWakeUp == journey.now.adding(seconds: 1))
        journey.send(.tick, after: 1)
        #expect(!journey.flow.hasSession)
    }

    /// Should poll the reader fast only while a screen waits for a card, and slow again after a timeout there
    @Test func pollingFollowsTheScreen() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        #expect(journey.tap(.takeTicket).pollings == [.fast])
        let effects = journey.send(.tick, after: 60)
        #expect(effects.pollings == [.slow])
        #expect(effects.wipes == 1)
        #expect(journey.effects.pollings == [.slow, .fast, .slow])
    }

    /// Should open help from a guide's footer and not while waiting for the hall
    @Test func helpFromAnyScreen() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("cold-drink-shop"))
        journey.tap(.help)
        #expect(journey.screen == .complaint(ComplaintScreen(topic: nil, phoneDigits: "", problem: nil)))
        journey.tap(.back)
        journey.tap(.service("cold-drink-shop"))
        journey.tap(.takeTicket)
        journey.tap(.help)
        #expect(journey.screen == .working(.gettingTicketNumber))
    }

    /// Should not check a booking in (using it up at the hall) while the printer cannot print
    @Test func checkInNeedsPrinter() {
        var journey = Journey()
        journey.send(.printerChanged(.coverOpen))
        let effects = journey.send(.qrScanned("BK-1"))
        #expect(effects.journalKinds == [JournalKind.sessionStarted])
        #expect(effects.hallRequests.isEmpty)
        #expect(journey.screen.notice == Notice(.ticketNotIssued, .ticketNotIssuedNextStep(.coverOpen, hotline: "0870-12345")))
    }

    /// Should show a notice with what to do when the card cannot be read
    @Test func unreadableCard() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.openGuide("cold-drink-shop")
        journey.tap(.takeTicket)
        journey.send(.cardReadFailed)
        #expect(journey.screen.notice == Notice(.cardUnreadable, .cardUnreadableNextStep))
    }
}
