import Graphics
import KioskCore

extension ScreenBuilder {
    /// Five levels, one per row, worst first; or, after a low level, why.
    func drawRating(_ step: RatingScreen) {
        switch step {
        case .chooseLevel:
            header(title: text(.rateVisit))
            footer([(.skipRating, .skipRating), (.help, .help)])
            choices((1...5).map { (text(.ratingLevel($0)), .rating($0)) }, perRow: 1, top: contentTop, buttonHeight: levelHeight(rows: 5))
        case .chooseReason:
            header(title: text(.whyDissatisfied))
            footer([(.back, .back), (.skipRating, .skipRating), (.help, .help)])
            let reasons = DissatisfactionReason.allCases
            choices(reasons.map { (text(.reason($0)), .dissatisfactionReason($0)) }, perRow: 1, top: contentTop,
                    buttonHeight: levelHeight(rows: reasons.count))
        }
    }

    /// Thanks; a dissatisfied citizen is offered a callback. Any tap ends the session.
    func drawRatingThanks(offerCallback: Bool) {
        header(title: text(.thanksForRating))
        footer([(.done, .finish)])
        if offerCallback {
            button(text(.requestCallback), row(top: contentTop, height: metrics.buttonHeight), .help, style: .primary)
        }
    }

    private func levelHeight(rows: Int) -> Int {
        min(metrics.buttonHeight, (contentBottom - contentTop) / rows - metrics.gap * 2)
    }
}
