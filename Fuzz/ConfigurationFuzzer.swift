// libFuzzer target for kioskd's configuration loader (TOML through TOMLKit's toml++). Unlike the
// other targets it links the loader from SwiftPM's build (the KioskConfigurationForFuzzing
// shared library: TOMLKit's C++ and the drivers' types are too many files to compile by hand),
// so coverage and AddressSanitizer see only this file; the seeds carry the variety, as for the
// PNG target. `make fuzz FUZZ_TARGET=configuration` builds the library first.
import KioskConfiguration

@_cdecl("LLVMFuzzerTestOneInput")
public func configurationFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let path = "/etc/kioskd/kioskd.toml"
    do {
        let configuration = try KioskConfiguration.parse(text, sourcePath: path)
        // Accepted: what kioskd relies on without checking again.
        guard !configuration.kioskID.isEmpty, !configuration.hallURL.isEmpty, configuration.stateDirectory.hasPrefix("/") || !configuration.stateDirectory.isEmpty else {
            fatalError("accepted a configuration without kiosk_id, hall_url or state_directory")
        }
        // Parsing is a function of the text: the same text parses to the same kiosk.
        guard let again = try? KioskConfiguration.parse(text, sourcePath: path), again.kioskID == configuration.kioskID,
              again.devices.printers.count == configuration.devices.printers.count else {
            fatalError("the same text parsed twice gave two configurations")
        }
    } catch {
        // Refused: one line that names the file and says what is wrong.
        let message = error.description
        guard message.hasPrefix(path), !message.contains("\n") || message.count < 4096, error.problem.count > 0 else {
            fatalError("a refusal without the file or the problem: \(message.prefix(300))")
        }
    }
    return 0
}
