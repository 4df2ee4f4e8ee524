import ArgumentParser
import ControlProtocol
import Foundation

/// `kioskctl devices`: every device with what it is, where, its state, its last error and when,
/// and its counters: the first command of a technician's morning.
struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every device: model, path, state, last error and when, counters.",
        discussion: """
            Exit status 0 when every device is ready, 1 when one is not (so a script can check a kiosk
            with `kioskctl devices >/dev/null || alert`), 69 when kioskd is not running.
            Examples:
              kioskctl devices
              kioskctl devices --json | jq '.[] | select(.state != "ready")'
            """)

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print the devices as JSON, for scripts.")
    var json = false

    func run() throws {
        let devices = try connection.client().answer(.status, \.status, missing: "no status in the answer").devices
        if json {
            print(try jsonText(devices))
        } else if devices.isEmpty {
            print("No devices configured ([devices.*] in kioskd.toml).")
        } else {
            print(devices.map(Self.block).joined(separator: "\n\n"))
        }
        if devices.contains(where: { $0.state != "ready" }) { throw ExitCode(1) }
    }

    static func block(_ device: DeviceSummary) -> String {
        var rows: [(String, String)] = [("Device", "\(device.name) (\(device.kind))"), ("Path", device.path), ("State", device.state)]
        if let model = device.model { rows.append(("Model", model)) }
        if let error = device.lastError {
            rows.append(("Last error", error + (device.lastErrorAt.map { " (at \(StatusTable.timestamp($0)))" } ?? "")))
        }
        if let counters = device.counters, !counters.isEmpty {
            rows.append(("Counters", counters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        return FieldTable.render(rows)
    }
}
