/// How often kioskd polls the card reader: fast (300 ms) while a screen waits for a card.
public enum CardPolling: String, Sendable, Equatable {
    case fast
    case slow
}
