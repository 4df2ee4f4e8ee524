import Graphics
import KioskCore

extension ScreenBuilder {
    /// The callback request: the topic, the citizen's mobile number, submit.
    func drawComplaint(_ form: ComplaintScreen) {
        header(title: text(.complaintPrompt))
        footer([(.back, .back), (.home, .home), (.finish, .finish)])
        let topics = ComplaintTopic.allCases.map { (text(.topic($0)), Intent.complaintTopic($0)) }
        var y = choices(topics, chosen: form.topic.map(Intent.complaintTopic), perRow: 2, top: contentTop,
                        buttonHeight: metrics.buttonHeight * 2 / 3)
        if let problem = form.problem {
            y = noticePanel([text(problem)], top: y, size: metrics.small) + metrics.gap * 2
        }
        y = field(caption: text(.phoneNumber), value: form.phoneDigits, top: y) + metrics.gap * 3
        keypad(in: row(top: y, height: keypadHeight(from: y)), submit: .submit)
    }
}
