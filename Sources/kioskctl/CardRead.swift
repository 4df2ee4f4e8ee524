import ArgumentParser
import DeviceDrivers
import Foundation
import KioskCore
import KioskValues

struct CardRead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read one card straight from a reader, without kioskd (a bench test).",
        discussion: """
            Opens the reader, checks its SAM, waits for a card and reads it. Shows only masked
            personal data. Stop kioskd first if it uses the same reader.
            Exit status: 0 card read, 65 the card could not be read, 69 no reader, 74 the reader
            failed, 75 no card within --wait.

            Examples:
              kioskctl card read --device /dev/ttyUSB0
              kioskctl card read --device /dev/ttyS1 --baud 9600 --json
              kioskctl card read --usb
            """)

    @Option(help: ArgumentHelp("A serial reader's device node.", valueName: "path"))
    var device: String?

    @Flag(help: "Use the first USB reader (0400:c35a) instead of a serial device.")
    var usb = false

    @Option(help: ArgumentHelp("Serial speed.", valueName: "baud"))
    var baud = 115200

    @Option(help: ArgumentHelp("How long to wait for a card to be placed.", valueName: "seconds"))
    var wait = 15

    @Flag(help: "Print JSON, for scripts.")
    var json = false

    func validate() throws {
        guard (device != nil) != usb else { throw ValidationError("Give either --device PATH or --usb.") }
        guard SerialLine.supportedBauds.contains(baud) else {
            throw ValidationError("--baud must be one of \(SerialLine.supportedBauds.map(String.init).joined(separator: ", ")).")
        }
        guard (1...600).contains(wait) else { throw ValidationError("--wait must be 1 to 600 seconds.") }
    }

    func run() async throws {
        let transport: any IDCardReaderTransport
        do {
            if let device {
                transport = try await SerialReaderTransport.open(device, baud: baud)
            } else {
                transport = try await USBReaderTransport.open()
            }
        } catch {
            printToStandardError("kioskctl: \(error)")
            throw ExitCode(69)
        }
        defer { Task { await transport.close() } }

        do {
            let samID = try await IDCardReaderSteps.initialise(transport)
            if !json { printToStandardError("Reader \(transport.name) ready (SAM \(samID)); place a card on it…") }
            let deadline = ContinuousClock.now + .seconds(wait)
            while ContinuousClock.now < deadline {
                switch try await IDCardReaderSteps.readPlacedCard(on: transport) {
                case .noCard:
                    try await Task.sleep(for: ReaderPolling.fast.interval!)
                case .failed(let error):
                    printToStandardError("kioskctl: \(error)")
                    throw ExitCode(65)
                case let .read(card, duration):
                    let report = CardReport(card: card, samID: samID.description, device: transport.name, duration: duration, today: CalendarDate.today())
                    print(json ? report.json() : report.table())
                    return
                }
            }
            printToStandardError("kioskctl: no card was placed on \(transport.name) within \(wait) s.")
            throw ExitCode(75)
        } catch let error as DeviceError {
            printToStandardError("kioskctl: \(error)")
            throw ExitCode(74)
        }
    }
}

/// What `card read` prints: masked personal data only.
struct CardReport: Encodable {
    var cardType: String
    var maskedName: String
    var maskedIDNumber: String
    var idNumberValid: Bool
    var idNumberProblems: [String]
    var sex: String
    var nation: String?
    var nationality: String?
    var birthDate: String?
    var validFrom: String?
    var validUntil: String
    var expired: Bool
    var samID: String
    var device: String
    var readMilliseconds: Int

    init(card: IDCard, samID: String, device: String, duration: Duration, today: CalendarDate) {
        cardType = card.type.rawValue
        maskedName = card.maskedName
        maskedIDNumber = card.maskedIDNumber
        idNumberProblems = card.idNumberProblems.map(\.rawValue)
        idNumberValid = idNumberProblems.isEmpty
        sex = card.sex.rawValue
        nation = card.nation
        nationality = card.nationality
        birthDate = card.birthDate?.description
        validFrom = card.validFrom?.description
        switch card.validUntil {
        case .never: validUntil = "long-term"
        case .on(let date): validUntil = date.description
        case .unreadable(let text): validUntil = "unreadable (\(text))"
        }
        expired = card.isExpired(on: today)
        self.samID = samID
        self.device = device
        readMilliseconds = Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        typeName = "\(card.type.englishName) (\(card.type.chineseName))"
        sexName = "\(card.sex.rawValue) (\(card.sex.chineseName))"
    }

    private var typeName: String
    private var sexName: String

    enum CodingKeys: String, CodingKey {
        case cardType, maskedName, maskedIDNumber, idNumberValid, idNumberProblems, sex, nation, nationality
        case birthDate, validFrom, validUntil, expired, samID, device, readMilliseconds
    }

    func json() -> String {
        (try? jsonText(self)) ?? ""
    }

    func table() -> String {
        var rows: [(String, String)] = [
            ("Card", typeName),
            ("Name", maskedName),
            ("ID number", "\(maskedIDNumber) (\(idNumberValid ? "checks out" : "DOES NOT CHECK OUT: " + idNumberProblems.joined(separator: "; ")))"),
            ("Sex", sexName),
        ]
        if let nation { rows.append(("Nation", nation)) }
        if let nationality { rows.append(("Nationality", nationality)) }
        rows.append(("Birth date", birthDate ?? "unreadable"))
        rows.append(("Validity", "\(validFrom ?? "?") to \(validUntil) (\(expired ? "EXPIRED" : "valid"))"))
        rows.append(("Reader", "\(device), SAM \(samID)"))
        rows.append(("Read time", "\(readMilliseconds) ms"))
        return FieldTable.render(rows)
    }
}
