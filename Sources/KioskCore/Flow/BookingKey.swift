/// How a booking is found at check-in.
public enum BookingKey: Sendable, Equatable {
    case qrCode(String)
    /// The keyed hash of the ID number (`CardHolder.linkingHash`), never the number.
    case holderHash(String)
}
