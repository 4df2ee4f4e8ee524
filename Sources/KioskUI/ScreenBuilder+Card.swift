import Graphics
import KioskCore

extension ScreenBuilder {
    /// Waiting for an ID card: the prompt, and a big arrow to the reader below the screen.
    func drawInsertCard(_ purpose: CardPurpose) {
        switch purpose {
        case .ticket(let serviceName): header(title: text(.placeCard(serviceName: serviceName)))
        }
        standardFooter()
        cardHint()
    }

    /// Booking check-in: scan the booking's QR code or place the ID card.
    func drawCheckIn() {
        header(title: text(.checkInPrompt))
        standardFooter()
        cardHint()
    }

    /// An arrow pointing down at the reader, with words (an arrow alone is not enough).
    private func cardHint() {
        let arrowSize = min(metrics.hero * 3, max(metrics.minimumText, (contentBottom - contentTop) / 2))
        let arrowBottom = paragraph("↓", top: contentTop + metrics.margin, size: arrowSize, color: Theme.text, alignment: .center)
        paragraph(text(.card), top: arrowBottom, size: metrics.title, color: Theme.secondaryText, alignment: .center)
    }
}
