import ArgumentParser
import ControlProtocol
import DeviceDrivers
import Foundation
import KioskConfiguration

struct PrinterTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Print a test page with the printer's profile, status and a QR code.",
        discussion: "Exit status: 0 the printer confirmed the page, 1 it did not (the message says why).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: PrinterDeviceOptions

    @Argument(help: "The page: ticket (a queue ticket) or receipt.")
    var page: PrintDocument.TestPageKind = .ticket

    @Flag(name: .long, help: "Print the result as JSON, for scripts.")
    var json = false

    struct Printed: Encodable {
        var printer: String
        var page: String
        var bytes: Int?
        var state: String?
    }

    func run() async throws {
        if let uri = target.uri {
            try await printDirectly(uri: uri)
            return
        }
        let client = ControlClient(socketPath: connection.socketPath(), timeoutSeconds: 90)
        let response = try client.request(ControlRequest(.printerTest(printer: target.printer, page: page.rawValue)))
        if response.ok {
            let report = response.printers?.first
            let name = report?.name ?? "printer"
            print(json ? try jsonText(Printed(printer: name, page: page.rawValue, bytes: nil, state: report?.state)) : "Printed a test \(page.rawValue) on '\(name)'.")
            return
        }
        let failure = response.error ?? ControlFailure(code: .internalError, message: "no answer")
        printToStandardError("kioskctl: \(failure.message)")
        throw ExitCode(failure.code == .forbidden ? 77 : 1)
    }

    private func printDirectly(uri: PrinterURI) async throws {
        let profile = target.profile(for: uri, configPath: connection.config)
        do {
            let printer = try await PrinterConnector.open(uri, profile: profile)
            let status = try await printer.status()
            let kioskID = (try? KioskConfiguration.load(from: connection.config))?.kioskID ?? "unknown"
            let document = PrintDocument.testPage(page, kioskID: kioskID, printerName: "direct", uri: uri, profile: profile, status: status)
            let receipt = try await printer.print(try document.escposBytes(for: profile))
            await printer.close()
            print(json ? try jsonText(Printed(printer: uri.description, page: page.rawValue, bytes: receipt.bytes, state: receipt.status.condition.rawValue))
                       : "Printed a test \(page.rawValue) on '\(uri)' (\(receipt.bytes) bytes); the printer reports \(receipt.status.condition.rawValue).")
        } catch {
            printToStandardError("kioskctl: \(error)")
            throw ExitCode(1)
        }
    }
}

extension PrintDocument.TestPageKind: ExpressibleByArgument {}
