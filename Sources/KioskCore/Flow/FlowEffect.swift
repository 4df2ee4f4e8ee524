/// What the Flow asks kioskd to do. kioskd carries them out in list order and awaits each
/// `.journal` (a durable append) before the next effect: that order is how "journaled before
/// confirmed" holds, since every confirming `.show` comes after its `.journal` in the same list.
/// If an append fails kioskd drops the rest of the list and sends `FlowEvent.journalFailed`.
/// `.print` and `.askHall` are started, not awaited; their results come back as events.
public enum FlowEffect: Sendable, Equatable {
    case show(KioskView)
    case journal(JournalRecord)
    case print(PrintJob)
    case askHall(HallRequest)
    case setCardPolling(CardPolling)
    /// A voice prompt, already in the session's language. Only when voice prompts are configured.
    case speak(String)
    /// Forget every copy of the card's data kioskd holds (the reader's last `IDCard`, photo).
    case wipeCardData
}
