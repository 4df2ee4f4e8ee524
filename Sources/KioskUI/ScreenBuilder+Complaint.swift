import Graphics
import KioskCore

extension ScreenBuilder {
    /// The callback request: the topic, the citizen's mobile number, submit.
    func drawComplaint(_ form: ComplaintScreen) {
        // The prompt is long and the form is tall: the prompt at body size leaves the keypad its room.
        header(title: text(.complaintPrompt), titleSize: metrics.body)
        footer([(.back, .back), (.home, .home), (.finish, .finish)])
        let topics = ComplaintTopic.allCases.map { (text(.topic($0)), Intent.complaintTopic($0)) }
        var y = choices(topics, chosen: form.topic.map(Intent.complaintTopic), perRow: 3, top: contentTop,
                        buttonHeight: metrics.buttonHeight * 2 / 3)
        if let problem = form.problem {
            y = noticePanel([text(problem)], top: y, size: metrics.small) + metrics.gap * 2
        }
        y = field(caption: text(.phoneNumber), value: form.phoneDigits, top: y) + metrics.gap * 3
        keypad(in: row(top: y, height: keypadHeight(from: y)), submit: .submit)
    }
}
