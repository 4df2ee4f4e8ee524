extension KioskConfiguration.DeviceSections {
    /// Reads the `[devices]` table: one key per device family.
    static func parse(_ table: inout TableReader, baseDirectory: String) throws(ConfigurationError) -> Self {
        var sections = Self()
        if var cardReader = try table.optionalTable("card_reader") {
            sections.cardReader = try CardReaderConfiguration.parse(&cardReader, baseDirectory: baseDirectory)
        }
        sections.printers = try KioskConfiguration.readPrinters(from: &table)
        if var display = try table.optionalTable("display") {
            sections.display = try DisplayConfiguration.parse(&display, baseDirectory: baseDirectory)
        }
        if var touchscreen = try table.optionalTable("touchscreen") {
            sections.touchscreen = try TouchscreenConfiguration.parse(&touchscreen, baseDirectory: baseDirectory)
        }
        if var scanner = try table.optionalTable("scanner") {
            sections.scanner = try ScannerConfiguration.parse(&scanner, baseDirectory: baseDirectory)
        }
        try table.rejectUnknownKeys(hint: "see docs/configuration.md for the device sections")
        return sections
    }
}
