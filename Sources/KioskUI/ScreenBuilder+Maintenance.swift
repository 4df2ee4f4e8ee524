import Graphics
import KioskCore

extension ScreenBuilder {
    /// The technician's PIN: dots for the digits typed, never the digits.
    func drawPINEntry(_ entry: PINEntryScreen) {
        let title: Message
        if let until = entry.lockedUntil {
            title = .pinLocked(until: until.clockText)
        } else if entry.failures > 0 {
            title = .wrongPIN(attemptsLeft: entry.attemptsLeft)
        } else {
            title = .enterPIN
        }
        header(title: text(title), settings: false)
        footer([(.back, .back)])
        let y = field(caption: text(.enterPIN), value: text(.pinDigits(entry.digitsEntered)), top: contentTop) + metrics.gap * 3
        keypad(in: row(top: y, height: keypadHeight(from: y)), submit: .submit)
    }

    /// Device states and the out-of-service switch.
    func drawMaintenance(_ state: MaintenanceScreen) {
        header(title: text(.maintenanceTitle), settings: false)
        footer([(.exitMaintenance, .maintenance(.exit))])
        let lines = [text(.printerState(state.printer)), text(.readerState(state.cardReader)), text(.catalogVersion(state.catalogVersion))]
        let y = paragraph(lines.joined(separator: "\n"), top: contentTop, size: metrics.body) + metrics.gap * 3
        button(text(.outOfServiceSwitch(on: !state.isOutOfService)), row(top: y, height: metrics.buttonHeight),
               .maintenance(.setOutOfService(!state.isOutOfService)), style: .primary)
    }
}
