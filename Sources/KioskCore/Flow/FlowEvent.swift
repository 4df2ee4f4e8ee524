/// Everything that can happen to the Flow. kioskd feeds them one at a time, in order, each with
/// the time it happened.
public enum FlowEvent: Sendable, Equatable {
    /// A touch, already resolved by KioskUI's hit testing to what the citizen meant.
    case tapped(Intent)
    case cardRead(CardHolder)
    case cardRemoved
    /// The reader saw a card but could not read it (moved too early, damaged).
    case cardReadFailed
    /// A code from the QR scanner (a booking's QR code). Never journaled.
    case qrScanned(String)
    case printerChanged(PrinterState)
    case cardReaderChanged(CardReaderState)
    /// The printer service's answer to `FlowEffect.print` with the same id.
    case printed(RequestID, PrintOutcome)
    /// The hall's answer to `FlowEffect.askHall` with the same id (or kioskd's "unreachable").
    case hallAnswered(HallAnswer)
    /// The journal could not append a record (disk full, broken): kioskd stops carrying out the
    /// effects after the failed `.journal` and sends this instead.
    case journalFailed
    /// Time passed: kioskd sends one at `Flow.nextWakeUp` (and may send more; extra ticks are harmless).
    case tick
    /// A newer catalog arrived from the hall; an older or equal version is ignored.
    case catalogUpdated(ServiceCatalog)
    /// A technician put the kiosk out of service (or back) with `kioskctl maintenance`; the
    /// reason is journaled (a session in progress finishes first).
    case outOfServiceSet(Bool, reason: String)
}
