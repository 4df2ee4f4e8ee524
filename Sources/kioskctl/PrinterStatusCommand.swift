import ArgumentParser
import ControlProtocol
import DeviceDrivers
import Foundation

struct PrinterStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each printer's state (ready, paper out, cover open, …) and what to do about it.",
        discussion: "Exit status: 0 every printer is ready, 1 a printer is not ready, 69/75/76/77 as for `kioskctl status`.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: PrinterDeviceOptions

    @Flag(name: .long, help: "Print the status as JSON, for scripts.")
    var json = false

    func run() async throws {
        let reports: [PrinterReport]
        if let uri = target.uri {
            reports = [try await Self.directReport(uri: uri, profile: target.profile(for: uri, configPath: connection.config))]
        } else {
            let request = ControlRequest(.printerStatus(printer: target.printer))
            reports = try connection.client().answer(request, \.printers, missing: "no printers in the answer")
        }
        if json {
            print(try jsonText(reports))
        } else {
            print(reports.map { PrinterReportTable($0).render() }.joined(separator: "\n\n"))
        }
        if reports.contains(where: { $0.state != "ready" && $0.state != "paper near end" }) { throw ExitCode(1) }
    }

    /// Asks the printer itself, with no daemon.
    static func directReport(uri: PrinterURI, profile: PrinterProfile) async throws -> PrinterReport {
        do {
            let printer = try await PrinterConnector.open(uri, profile: profile)
            let status = try await printer.status()
            await printer.close()
            return PrinterReport(name: "(direct)", uri: uri.description, state: status.condition.rawValue, raw: status.raw,
                                 advice: status.condition.advice, profile: profile.description, printed: 0, failed: 0, lastError: nil)
        } catch {
            printToStandardError("kioskctl: \(error)")
            throw ExitCode(69)
        }
    }
}

/// The human form of one printer's report: right-aligned field names, as `kioskctl status`.
struct PrinterReportTable {
    let report: PrinterReport

    init(_ report: PrinterReport) { self.report = report }

    func render() -> String {
        var rows: [(String, String)] = [
            ("Printer", report.name),
            ("URI", report.uri),
            ("State", report.state),
            ("Status", report.raw),
            ("Advice", report.advice),
            ("Profile", report.profile),
            ("Jobs", "\(report.printed) printed, \(report.failed) failed"),
        ]
        if let error = report.lastError { rows.append(("Last error", error)) }
        return FieldTable.render(rows)
    }
}
