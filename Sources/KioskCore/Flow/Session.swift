/// One citizen's use of the kiosk, from the first touch or card to the end or timeout.
struct Session: Sendable, Equatable {
    var startedAt: FlowTime
    /// Wiped with the session.
    var card: CardHolder?
    var servicesUsed: Set<String> = []
    /// Something was done that deserves a rating (a service looked at, a ticket, a form...).
    var didSomething = false
    var rated = false
}
