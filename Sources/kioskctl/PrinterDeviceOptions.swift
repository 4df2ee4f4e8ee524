import ArgumentParser
import DeviceDrivers
import KioskConfiguration

/// Which printer: a configured one by name (through kioskd), or one at a URI (directly).
struct PrinterDeviceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Talk to the printer at this URI directly instead of through kioskd: file:PATH, tcp:HOST:PORT, usblp:/dev/usb/lpN, usb:VVVV:PPPP, cups:QUEUE or ipp://HOST:PORT/PATH.", valueName: "uri"))
    var device: String?

    @Option(help: ArgumentHelp("A configured printer's name (the NAME of [devices.printers.NAME]); all printers when absent.", valueName: "name"))
    var printer: String?

    func validate() throws {
        if let device {
            do {
                _ = try PrinterURI(parsing: device)
            } catch {
                throw ValidationError("\(error)")
            }
            if printer != nil { throw ValidationError("Please give either --device or --printer, not both.") }
        }
    }

    var uri: PrinterURI? { device.flatMap { try? PrinterURI(parsing: $0) } }

    /// The profile configured for `uri`, if the configuration names the same printer; the common
    /// 80 mm profile otherwise.
    func profile(for uri: PrinterURI, configPath: String) -> PrinterProfile {
        let configured = (try? KioskConfiguration.load(from: configPath))?.devices.printers.first { $0.uri == uri }
        return configured?.profile ?? .standard80mm
    }

}
