import Graphics
import KioskCore

extension ScreenBuilder {
    /// The case number keypad; what was typed is shown in a field above it.
    func drawCaseNumberEntry(_ typed: String) {
        header(title: text(.enterCaseNumber))
        standardFooter()
        let y = field(caption: text(.caseNumber), value: typed, top: contentTop) + metrics.gap * 3
        keypad(in: row(top: y, height: keypadHeight(from: y)), submit: .search)
    }

    /// A case's progress, or why there is none.
    func drawProgress(_ result: ProgressScreen) {
        header(title: text(.progressInquiry))
        standardFooter()
        switch result {
        case .found(let caseNumber, let status, let nextStep):
            var y = paragraph(text(.caseNumber) + text(.colon) + caseNumber, top: contentTop, size: metrics.body, color: Theme.secondaryText)
            y = paragraph(text(.caseStatus) + text(.colon) + status, top: y + metrics.gap * 2, size: metrics.title)
            paragraph(text(.caseNextStep) + text(.colon) + nextStep, top: y + metrics.gap * 2, size: metrics.body)
        case .notFound(let caseNumber):
            let y = paragraph(text(.caseNumber) + text(.colon) + caseNumber, top: contentTop, size: metrics.body, color: Theme.secondaryText)
            noticePanel([text(.caseNotFound), text(.caseNotFoundNextStep)], top: y + metrics.gap * 2)
        case .offline:
            noticePanel([text(.progressOffline(hotline: view.hotline))], top: contentTop)
        }
    }
}
