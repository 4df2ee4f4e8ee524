import DeviceDrivers

extension KioskConfiguration {
    /// Reads every `[devices.printers.NAME]` table:
    ///
    ///     [devices.printers.receipt]
    ///     uri = "tcp:127.0.0.1:9100"      # required; see PrinterURI
    ///     paper_width_dots = 576           # 576 (80 mm) or 384 (58 mm); a multiple of 8
    ///     chinese_font_rom = true
    ///     hardware_qr = true
    ///     cutter = "full"                  # "full", "partial" or "none"
    ///     presenter = false
    static func readPrinters(from devices: inout TableReader) throws(ConfigurationError) -> [PrinterConfiguration] {
        guard var printers = try devices.optionalTable("printers") else { return [] }
        var result: [PrinterConfiguration] = []
        for (name, var reader) in try printers.namedTables() {
            guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }), name.count <= 32 else {
                throw printers.problem(name, "a printer's name must be 1 to 32 letters, digits, '-' or '_'")
            }
            var parsedURI: PrinterURI?
            _ = try reader.requiredString("uri") { text in
                do {
                    parsedURI = try PrinterURI(parsing: text)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            let defaults = PrinterProfile.standard80mm
            let width = try reader.optionalInt("paper_width_dots", range: 8...2048) { $0 % 8 == 0 ? nil : "must be a multiple of 8 (576 for 80 mm paper, 384 for 58 mm), got \($0)" }
            let fontROM = try reader.optionalBool("chinese_font_rom")
            let hardwareQR = try reader.optionalBool("hardware_qr")
            let cutterName = try reader.optionalString("cutter") { value in
                PrinterProfile.Cutter(rawValue: value) == nil ? "must be \"full\", \"partial\" or \"none\", got '\(value)'" : nil
            }
            let presenter = try reader.optionalBool("presenter")
            try reader.rejectUnknownKeys(hint: "see docs/configuration.md")
            result.append(PrinterConfiguration(
                name: name,
                uri: parsedURI!,
                profile: PrinterProfile(
                    paperWidthDots: width ?? defaults.paperWidthDots,
                    chineseFontROM: fontROM ?? defaults.chineseFontROM,
                    hardwareQR: hardwareQR ?? defaults.hardwareQR,
                    cutter: cutterName.flatMap(PrinterProfile.Cutter.init(rawValue:)) ?? defaults.cutter,
                    presenter: presenter ?? defaults.presenter)))
        }
        try printers.rejectUnknownKeys(hint: "each printer is a table, [devices.printers.NAME]")
        return result
    }
}
