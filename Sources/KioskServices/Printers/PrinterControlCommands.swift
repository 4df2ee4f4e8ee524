import ControlProtocol
import DeviceDrivers

/// Answers the control socket's printer commands (`kioskctl printer status|test`).
package struct PrinterControlCommands: Sendable {
    let printers: [PrinterService]
    let kioskID: String

    package init(printers: [PrinterService], kioskID: String) {
        self.printers = printers
        self.kioskID = kioskID
    }

    func answer(_ command: ControlCommand) async -> ControlResponse {
        let wanted: String?
        switch command {
        case let .printerStatus(printer), let .printerTest(printer, _): wanted = printer
        default: return .failure(.unknownCommand, "'\(command.name)' is no printer command.")
        }
        let selected: [PrinterService]
        if let wanted {
            selected = printers.filter { $0.name == wanted }
            guard !selected.isEmpty else {
                return .failure(.badRequest, "No printer named '\(wanted)'; configured: \(names). Use one of those names.")
            }
        } else {
            selected = printers
        }
        guard !selected.isEmpty else {
            return .failure(.notConfigured, "No printers are configured; add a [devices.printers.NAME] section to kioskd's configuration.")
        }
        switch command {
        case .printerStatus:
            for printer in selected { await printer.refreshStatus() }
            return ControlResponse(ok: true, printers: selected.map { $0.report() })
        case let .printerTest(_, page):
            let pageName = page ?? PrintDocument.TestPageKind.ticket.rawValue
            guard let kind = PrintDocument.TestPageKind(rawValue: pageName) else {
                return .failure(.badRequest, "Unknown test page '\(pageName)'; use ticket or receipt.")
            }
            let printer = selected[0]
            await printer.refreshStatus()
            let report = printer.report()
            let document = PrintDocument.testPage(kind, kioskID: kioskID, printerName: printer.name, uri: printer.configuration.uri,
                                                  profile: printer.configuration.profile, status: PrinterStatus(condition: PrinterStatus.Condition(rawValue: report.state) ?? .unknown, raw: report.raw))
            do {
                _ = try await printer.print(document)
                return ControlResponse(ok: true, printers: [printer.report()])
            } catch {
                return ControlResponse(ok: false, error: ControlFailure(code: .deviceFailed, message: "\(error)"), printers: [printer.report()])
            }
        default:
            return .failure(.unknownCommand, "'\(command.name)' is no printer command.")
        }
    }

    private var names: String { printers.isEmpty ? "none" : printers.map(\.name).joined(separator: ", ") }
}
