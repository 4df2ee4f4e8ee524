import Graphics
import KioskCore

extension ScreenBuilder {
    /// The ticket: the number as the screen's largest text, where to go, how many are ahead, and
    /// the QR code to follow the queue.
    func drawTicketIssued(_ slip: TicketSlip) {
        header(title: text(.ticketFor(slip.forDate)))
        standardFooter()
        var y = contentTop
        let numberHeight = metrics.hero * 3
        let numberPanel = row(top: y, height: numberHeight)
        panel(numberPanel, Theme.fieldFill)
        label(slip.number, in: numberPanel.insetBy(dx: metrics.gap * 2, dy: metrics.gap), size: metrics.hero * 2, color: Theme.fieldText,
              backdrop: Theme.fieldFill, alignment: .center, centredVertically: true)
        y = numberPanel.maxY + metrics.gap * 2
        var lines = [slip.serviceName, text(.goTo(slip.location)), text(.peopleAhead(slip.ahead))]
        if slip.isPriority { lines.append(text(.priority)) }
        lines.append(text(.issuedAt(slip.issuedAt)))
        y = paragraph(lines.joined(separator: "\n"), top: y, size: metrics.body) + metrics.gap * 2
        if let code = try? QRCodeMatrix(encoding: Array(slip.qrText.utf8)) {
            let room = min(contentBottom - y, columnWidth / 2)
            let moduleSize = max(1, room / (code.size + 8))
            let side = moduleSize * (code.size + 8)
            if side <= contentBottom - y {
                let origin = Point(x: (width - side) / 2 + 4 * moduleSize, y: y + 4 * moduleSize)
                draw(.qrCode(code, origin: origin, moduleSize: moduleSize, dark: .black, light: .white))
            }
        }
    }

    /// The form came out of the printer.
    func drawFormPrinted(title: String) {
        header(title: text(.formPrintedTitle))
        standardFooter()
        let y = paragraph("《\(title)》", top: contentTop, size: metrics.body)
        paragraph(text(.formPrintedNextStep), top: y + metrics.gap * 2, size: metrics.body, color: Theme.secondaryText)
    }

    /// Something did not work: what happened (the title) and what to do next (the panel).
    func drawNotice(_ notice: Notice) {
        header(title: text(notice.title))
        standardFooter()
        noticePanel([text(notice.nextStep)], top: contentTop)
    }

    /// The callback is recorded.
    func drawComplaintFiled(phoneMasked: String) {
        header(title: text(.complaintFiled(hotline: view.hotline)))
        footer([(.home, .home), (.finish, .finish)])
        paragraph(text(.callbackNumber(phoneMasked)), top: contentTop, size: metrics.title)
    }
}
