#if canImport(Glibc)
import Glibc
#endif
import TOMLKit

extension KioskConfiguration {
    /// Reads and checks the configuration at `path`. Relative paths inside the file are taken
    /// relative to the file's own directory, so a checkout's sample configuration works from anywhere.
    /// - Throws: `ConfigurationError` naming the file, and the line and key where there is one.
    public static func load(from path: String) throws(ConfigurationError) -> KioskConfiguration {
        let absolutePath = FilePaths.absolute(path)
        let text = try readText(at: absolutePath)
        return try parse(text, sourcePath: absolutePath)
    }

    /// Parses configuration text; `sourcePath` is used for messages and to resolve relative paths.
    public static func parse(_ text: String, sourcePath: String) throws(ConfigurationError) -> KioskConfiguration {
        if let line = TableHeaderCheck.firstBadHeader(in: text) {
            throw ConfigurationError(file: sourcePath, line: line, problem: "syntax error: a table header must name a table, like [devices.printers.ticket]. Fix the header on that line.")
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                file: sourcePath, line: error.source.begin.line, column: error.source.begin.column,
                problem: "syntax error: \(error.description). Fix the TOML syntax on that line.")
        } catch {
            throw ConfigurationError(file: sourcePath, problem: "cannot parse: \(error)")
        }

        let locator = TOMLKeyLocator(text: text)
        var reader = TableReader(table: root, prefix: "", file: sourcePath, locator: locator)
        let baseDirectory = FilePaths.directory(of: sourcePath)

        let kioskID = try reader.requiredString("kiosk_id") { value in
            let allowed = value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            guard !value.isEmpty, value.count <= 32, allowed else {
                return "must be 1 to 32 letters, digits, '-' or '_' (it names the kiosk at the hall), got '\(value)'"
            }
            return nil
        }
        let hallURL = try reader.requiredString("hall_url") { value in
            HallURL.problem(with: value)
        }
        let stateDirectory = try reader.optionalString("state_directory", nonEmpty: true) ?? defaultStateDirectory
        let controlSocket = try reader.optionalString("control_socket", nonEmpty: true) ?? defaultControlSocket
        let technicianGroup = try reader.optionalString("technician_group", nonEmpty: true) ?? defaultTechnicianGroup
        let logLevelName = try reader.optionalString("log_level") { value in
            LogLevel(rawValue: value) == nil
                ? "must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", ")), got '\(value)'"
                : nil
        }
        var devices = DeviceSections()
        if var devicesTable = try reader.optionalTable("devices") {
            devices = try DeviceSections.parse(&devicesTable, baseDirectory: baseDirectory)
        }
        let sync = try SyncSettings.read(from: &reader, baseDirectory: baseDirectory, hallURL: hallURL)
        let journey = try JourneySettings.read(from: &reader, baseDirectory: baseDirectory, printerNames: devices.printers.map(\.name))
        try reader.rejectUnknownKeys(hint: "see docs/configuration.md for the keys kioskd knows")

        return KioskConfiguration(
            sourcePath: sourcePath,
            kioskID: kioskID,
            stateDirectory: FilePaths.resolve(stateDirectory, against: baseDirectory),
            controlSocket: FilePaths.resolve(controlSocket, against: baseDirectory),
            technicianGroup: technicianGroup,
            hallURL: hallURL,
            logLevel: logLevelName.flatMap(LogLevel.init(rawValue:)) ?? .info,
            devices: devices,
            sync: sync,
            journey: journey
        )
    }

    private static func readText(at path: String) throws(ConfigurationError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readFile(at: path, limit: 1 << 20)
        } catch {
            throw ConfigurationError(file: path, problem: "cannot read the configuration: \(error). Create it (see docs/configuration.md) or pass --config PATH.")
        }
        // toml++ reads C strings: a NUL byte would silently end the file early.
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(file: path, problem: "is not a UTF-8 text file. Replace it with a TOML configuration.")
        }
        return text
    }
}
