import ArgumentParser
import ControlProtocol
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show kioskd's version, uptime, journal backlog and devices.",
        discussion: """
            Examples:
              kioskctl status
              kioskctl status --json
            """)

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print the status as JSON, for scripts.")
    var json = false

    func run() throws {
        let status = try connection.client().answer(.status, \.status, missing: "no status in the answer")
        if json {
            print(try jsonText(status))
        } else {
            print(StatusTable(status).render())
        }
    }
}

/// The human form of `kioskctl status`: right-aligned field names, as timedatectl prints them.
struct StatusTable {
    let status: DaemonStatus

    init(_ status: DaemonStatus) { self.status = status }

    func render() -> String {
        var rows: [(String, String)] = [
            ("Kiosk", status.kioskID),
            ("Version", "\(status.version) (pid \(status.pid))"),
            ("Uptime", "\(Self.duration(status.uptimeSeconds)) (since \(Self.timestamp(status.startedAt)))"),
            ("Config", status.configPath),
            ("Journal", journalLine()),
            ("", status.journal.path),
        ]
        if status.devices.isEmpty {
            rows.append(("Devices", "none configured"))
        } else {
            for device in status.devices {
                let error = device.lastError.map { "; last error: \($0)" } ?? ""
                rows.append((device.name, "\(device.state) (\(device.path))\(error)"))
            }
        }
        let platform = status.platform
        rows.append(("libusb", platform.libusbVersion + (platform.usbDeviceCount.map { " (\($0) USB devices)" } ?? " (cannot list USB devices)")))
        rows.append(("CUPS", "\(platform.cupsServer) (\(platform.cupsReachable ? "answers" : "not reachable"))"))
        rows.append(("FreeType", platform.freetypeVersion))

        return FieldTable.render(rows)
    }

    private func journalLine() -> String {
        let journal = status.journal
        guard journal.unsynced > 0 else { return "\(journal.total) events, all synced" }
        let age = journal.oldestUnsyncedAgeSeconds.map { " (oldest \(Self.duration($0)))" } ?? ""
        return "\(journal.total) events, \(journal.unsynced) waiting to sync\(age)"
    }

    static func duration(_ seconds: Int) -> String {
        let days = seconds / 86400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60, rest = seconds % 60
        if days > 0 { return "\(days)d \(hours)h \(minutes)min" }
        if hours > 0 { return "\(hours)h \(minutes)min" }
        if minutes > 0 { return "\(minutes)min \(rest)s" }
        return "\(rest)s"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return formatter.string(from: date)
    }
}
