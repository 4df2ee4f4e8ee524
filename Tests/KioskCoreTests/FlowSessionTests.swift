import KioskCore
import Testing

struct FlowSessionTests {
    /// Should show the attract screen with slow card polling when started
    @Test func startsOnAttract() {
        let journey = Journey()
        #expect(journey.effects.pollings == [.slow])
        #expect(journey.effects.shows.last?.screen == .attract(isDimmed: false))
        #expect(journey.effects.journals.isEmpty)
    }

    /// Should start a session on a touch: journal session.started, then show home
    @Test func touchStartsSession() {
        var journey = Journey()
        let effects = journey.tap(.wake)
        #expect(effects.journalKinds == [JournalKind.sessionStarted])
        #expect(effects.journals.first?.payload == [:])
        #expect(journey.screen.isHome)
        #expect(journey.flow.hasSession)
    }

    /// Should start a session on a card and greet the holder by masked name only
    @Test func cardStartsSession() {
        var journey = Journey()
        let effects = journey.send(.cardRead(SamplePerson.card()))
        #expect(effects.journalKinds == [JournalKind.sessionStarted])
        guard case .home(let home) = journey.screen else { Issue.record("not home: \(journey.screen)"); return }
        #expect(home.holderMaskedName == "张**")
    }

    /// Should dim the attract screen after the configured time without a touch, and not before
    @Test func attractDims() {
        var journey = Journey()
        #expect(journey.flow.nextWakeUp == journey.now.adding(seconds: 120))
        journey.send(.tick, after: 119)
        #expect(journey.screen == .attract(isDimmed: false))
        let effects = journey.send(.tick, after: 1)
        #expect(effects.shows.last?.screen == .attract(isDimmed: true))
        #expect(journey.flow.nextWakeUp == nil)
    }

    /// Should show no countdown until 20 s before the home screen's 90 s timeout, then show it
    @Test func warningAtTwentySecondsBefore() {
        var journey = Journey()
        journey.tap(.wake)
        #expect(journey.flow.nextWakeUp == journey.now.adding(seconds: 70))
        journey.send(.tick, after: 69)
        #expect(journey.flow.view.countdown == nil)
        let effects = journey.send(.tick, after: 1)
        #expect(effects.shows.last?.countdown == 20)
        journey.send(.tick, after: 5)
        #expect(journey.flow.view.countdown == 15)
    }

    /// Should extend the session with one tap on "continue", hiding the countdown
    @Test func continueExtends() {
        var journey = Journey()
        journey.tap(.wake)
        journey.send(.tick, after: 75)
        #expect(journey.flow.view.countdown == 15)
        let effects = journey.tap(.continueSession)
        #expect(effects.shows.last?.countdown == nil)
        #expect(effects.journals.isEmpty)
        journey.send(.tick, after: 80)
        #expect(journey.flow.hasSession)
        #expect(journey.screen.isHome)
    }

    /// Should end the session at the timeout: journal session.ended timeout, wipe card data, show attract
    @Test func expiryWipesAndReturnsToAttract() {
        var journey = Journey()
        journey.send(.cardRead(SamplePerson.card()))
        let effects = journey.send(.tick, after: 90)
        #expect(effects.journals == [JournalRecord(JournalKind.sessionEnded, ["reason": .string("timeout")])])
        #expect(effects.wipes == 1)
        #expect(effects.index(ofJournal: JournalKind.sessionEnded)! < effects.firstShowIndex!)
        #expect(journey.screen == .attract(isDimmed: false))
        #expect(journey.flow.cardHolder == nil)
        #expect(!journey.flow.hasSession)
    }

    /// Should time out the guide later than home (each screen has its own timeout)
    @Test func timeoutIsPerScreen() {
        var journey = Journey()
        journey.openGuide("cold-drink-shop")
        journey.send(.tick, after: 100)
        #expect(journey.flow.hasSession)
        journey.send(.tick, after: 80)
        #expect(!journey.flow.hasSession)
    }

    /// Should not time out while waiting for the hall's answer
    @Test func noTimeoutWhileWorking() {
        var journey = Journey()
        journey.send(.printerChanged(.ready))
        journey.send(.cardRead(SamplePerson.card()))
        journey.tap(.service("cold-drink-shop"))
        journey.tap(.takeTicket)
        #expect(journey.screen == .working(.gettingTicketNumber))
        #expect(journey.flow.nextWakeUp == nil)
        journey.send(.tick, after: 600)
        #expect(journey.screen == .working(.gettingTicketNumber))
    }

    /// Should switch every text to English on the English tap, and back to Chinese for the next citizen
    @Test func englishSwitch() {
        var journey = Journey()
        journey.tap(.wake)
        let effects = journey.tap(.language(.english))
        let view = effects.shows.last!
        #expect(view.language == .english)
        #expect(view.text(.chooseService) == "Choose what you need to do")
        #expect(effects.contains(.speak("Choose what you need to do")))
        journey.tap(.finish)
        #expect(journey.flow.view.language == .simplifiedChinese)
        #expect(journey.flow.view.text(.touchToStart) == "请触摸屏幕开始，或放上身份证")
    }

    /// Should carry elderly mode in the view until the session ends
    @Test func elderlyModeFlag() {
        var journey = Journey()
        journey.tap(.wake)
        #expect(journey.tap(.elderlyMode(true)).shows.last?.elderlyMode == true)
        journey.tap(.finish)
        #expect(journey.flow.view.elderlyMode == false)
    }

    /// Should end at once without a rating when nothing was done in the session
    @Test func finishWithoutActivitySkipsRating() {
        var journey = Journey()
        journey.tap(.wake)
        let effects = journey.tap(.finish)
        #expect(effects.journals == [JournalRecord(JournalKind.sessionEnded, ["reason": .string("finished")])])
        #expect(effects.wipes == 1)
        #expect(journey.screen.isAttract)
    }
}
